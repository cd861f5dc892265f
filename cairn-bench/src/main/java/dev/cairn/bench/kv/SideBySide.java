package dev.cairn.bench.kv;

import dev.cairn.bench.BenchProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The kv bench's measurement of peers side by side ({@link Throughput}: a common start, an untimed warm-up,
 * interleaved rounds, each peer's best rate and least allocation per operation) for the other Redis workloads, so
 * the subject bench's lines are measured and printed ({@link PhaseLine}) exactly as the kv bench's are. Not
 * thread-safe; add the peers, then measure once.
 */
public final class SideBySide {
  private final String step;
  private final Map<String, Throughput.Operation> peers = new LinkedHashMap<>();

  /** One operation of a peer, run {@code ops} times over the threads. */
  @FunctionalInterface
  public interface Operation {
    /**
     * @param thread the running thread's number in 0..threads-1
     * @param index the operation's number in 0..ops-1
     */
    void run(int thread, int index);
  }

  /** @param step the progress bar's label while this phase runs ({@code subject.get}) */
  public SideBySide(String step) {
    this.step = Objects.requireNonNull(step, "step");
  }

  /** Adds a peer; peers run in the order added. */
  public SideBySide peer(String name, Operation operation) {
    Objects.requireNonNull(operation, "operation");
    peers.put(Objects.requireNonNull(name, "name"), operation::run);
    return this;
  }

  /**
   * Runs every peer's operation {@code ops} times from {@code threads} virtual threads and returns each peer's
   * figure by name, in the order added.
   *
   * @throws dev.cairn.core.CairnException {@code BENCH_OPERATION_FAILED} with an operation's failure as the cause
   */
  public Map<String, Figure> measure(int threads, int ops, BenchProgress bar) {
    bar.step(step);
    return Throughput.measure(threads, ops, peers, bar::update);
  }
}
