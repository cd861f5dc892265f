package dev.cairn.bench.kv;

import dev.cairn.bench.internal.Progress;
import dev.cairn.core.CairnException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures operations per second of an operation run {@code ops} times by {@code threads} virtual threads that start
 * together, after an untimed warm-up of a tenth as many operations (JIT, connections, script caches). The clock
 * runs from the common start to the last thread's end, as redis-benchmark counts. Peers compared in one phase run
 * interleaved, twice each, and keep their best round, so a burst of load from elsewhere on the machine or a
 * late-warming JIT does not favour whoever ran first. Stateless.
 */
final class Throughput {
  private static final int ROUNDS = 2;

  private Throughput() {}

  /** One measured operation. */
  @FunctionalInterface
  interface Operation {
    /** @param thread the running thread's number in 0..threads-1; @param index the operation's in 0..ops-1 */
    void run(int thread, int index);
  }

  /**
   * The best ops/s of each named operation over interleaved rounds, in the order given.
   *
   * @param progress told after each run (warm-ups included), between runs, never inside a timed one
   * @throws CairnException {@code BENCH_OPERATION_FAILED} with the operation's failure as the cause
   */
  static Map<String, Double> bestOfInterleaved(int threads, int ops, Map<String, Operation> peers,
      Progress progress) {
    int total = peers.size() * (1 + ROUNDS);
    int done = 0;
    for (Operation peer : peers.values()) {
      run(threads, Math.max(threads, ops / 10), peer);
      progress.update(++done, total);
    }
    Map<String, Double> best = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Operation> peer : peers.entrySet()) {
        best.merge(peer.getKey(), run(threads, ops, peer.getValue()), Math::max);
        progress.update(++done, total);
      }
    }
    return best;
  }

  private static double run(int threads, int ops, Operation op) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    long began;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int thread = 0; thread < threads; thread++) {
        int number = thread;
        int first = (int) ((long) ops * thread / threads);
        int end = (int) ((long) ops * (thread + 1) / threads);
        workers.add(pool.submit(() -> {
          start.await();
          for (int i = first; i < end; i++) {
            op.run(number, i);
          }
          return null;
        }));
      }
      began = System.nanoTime();
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException("INTERRUPTED", "interrupted while measuring", e);
    } catch (ExecutionException e) {
      throw new CairnException("BENCH_OPERATION_FAILED", "a measured operation failed: " + e.getCause(), e.getCause());
    }
    return ops / ((System.nanoTime() - began) / 1e9);
  }
}
