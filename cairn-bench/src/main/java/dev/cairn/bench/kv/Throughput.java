package dev.cairn.bench.kv;

import dev.cairn.bench.internal.HeapAllocation;
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
 * together, after an untimed warm-up of a tenth as many operations unless the caller sets another count (JIT,
 * connections, script caches). The clock
 * runs from the common start to the last thread's end, as redis-benchmark counts. Peers compared in one phase run
 * interleaved, twice each, and keep their best round, so a burst of load from elsewhere on the machine or a
 * late-warming JIT does not favour whoever ran first.
 *
 * <p>Allocation is the growth of {@link HeapAllocation#totalBytes()} over a timed run, divided by its operations.
 * Other threads of the process allocate little meanwhile (the bench runs one peer at a time). Stateless.
 */
final class Throughput {
  static final int ROUNDS = 2;

  private Throughput() {}

  /** One measured operation. */
  @FunctionalInterface
  interface Operation {
    /** @param thread the running thread's number in 0..threads-1; @param index the operation's in 0..ops-1 */
    void run(int thread, int index);
  }

  /**
   * Each named operation's best ops/s over interleaved rounds, and its allocation per operation (the least over
   * its rounds), in the order given.
   *
   * @param progress told after each run (warm-ups included), between runs, never inside a timed one
   * @throws CairnException {@code BENCH_OPERATION_FAILED} with the operation's failure as the cause
   */
  static Map<String, Figure> measure(int threads, int ops, Map<String, Operation> peers, Progress progress) {
    return measure(threads, ops, ROUNDS, peers, progress);
  }

  /** As {@link #measure(int, int, Map, Progress)} over {@code rounds} interleaved rounds. */
  static Map<String, Figure> measure(int threads, int ops, int rounds, Map<String, Operation> peers,
      Progress progress) {
    return measure(threads, ops, Math.max(threads, ops / 10), rounds, peers, progress);
  }

  /**
   * As {@link #measure(int, int, int, Map, Progress)} with {@code warmUpOps} untimed operations per peer first
   * (at least one per thread).
   */
  static Map<String, Figure> measure(int threads, int ops, int warmUpOps, int rounds, Map<String, Operation> peers,
      Progress progress) {
    int total = peers.size() * (1 + rounds);
    int done = 0;
    for (Operation peer : peers.values()) {
      run(threads, Math.max(threads, warmUpOps), peer);
      progress.update(++done, total);
    }
    Map<String, Figure> best = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Operation> peer : peers.entrySet()) {
        best.merge(peer.getKey(), run(threads, ops, peer.getValue()), Throughput::better);
        progress.update(++done, total);
      }
    }
    return best;
  }

  /** The higher rate and the lower allocation of two rounds. */
  static Figure better(Figure one, Figure other) {
    Double allocation = one.allocatedBytesPerOp() == null || other.allocatedBytesPerOp() == null ? null
        : Math.min(one.allocatedBytesPerOp(), other.allocatedBytesPerOp());
    return new Figure(Math.max(one.opsPerSecond(), other.opsPerSecond()), allocation);
  }

  private static Figure run(int threads, int ops, Operation op) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    long began;
    long ended;
    long allocatedBefore;
    long allocatedAfter;
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
      allocatedBefore = HeapAllocation.totalBytes();
      began = System.nanoTime();
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get();
      }
      ended = System.nanoTime();
      allocatedAfter = HeapAllocation.totalBytes();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException("INTERRUPTED", "interrupted while measuring", e);
    } catch (ExecutionException e) {
      throw new CairnException("BENCH_OPERATION_FAILED", "a measured operation failed: " + e.getCause(), e.getCause());
    }
    double opsPerSecond = ops / ((ended - began) / 1e9);
    return new Figure(opsPerSecond, HeapAllocation.perOperation(allocatedBefore, allocatedAfter, ops));
  }
}
