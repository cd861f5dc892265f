package dev.cairn.bench.kv;

import dev.cairn.bench.BenchProgress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One phase of another Redis workload (the subject bench) measured and printed as the kv bench's are: peers side by
 * side through {@link Throughput} (a common start, an untimed warm-up, interleaved rounds, each peer's best rate and
 * least allocation per operation), one line through {@link PhaseLine}, then the phase's own columns and the first
 * peer's rate over the second's:
 *
 * <pre>
 * subject.get cairn=N lettuce_hget=N cairn_alloc_b_op=B lettuce_hget_alloc_b_op=B [column=value ...] ratio=X
 * </pre>
 *
 * <p>Not thread-safe; add the peers, measure, then print.
 */
public final class SideBySide {
  private final String phase;
  private final Map<String, Throughput.Operation> peers = new LinkedHashMap<>();
  private Map<String, Figure> figures;

  /** One operation of a peer. */
  @FunctionalInterface
  public interface Operation {
    /**
     * @param thread the running thread's number in 0..threads-1
     * @param index the operation's number in 0..ops-1 of one run (runs repeat the numbers)
     */
    void run(int thread, int index);
  }

  /** @param phase the line's first word, also the progress bar's label while it is measured */
  public SideBySide(String phase) {
    this.phase = Objects.requireNonNull(phase, "phase");
  }

  /** Adds a peer; peers run and print in the order added, and the ratio is the first's rate over the second's. */
  public SideBySide peer(String name, Operation operation) {
    Objects.requireNonNull(operation, "operation");
    peers.put(Objects.requireNonNull(name, "name"), operation::run);
    return this;
  }

  /**
   * Runs each peer's operation {@code ops} times from {@code threads} virtual threads, {@code repeats} times over
   * (each a warm-up and interleaved rounds), keeping each peer's best rate and least allocation: more repeats, more
   * chances for every peer to run while the shared machine is quiet.
   *
   * @throws dev.cairn.core.CairnException {@code BENCH_OPERATION_FAILED} with an operation's failure as the cause
   */
  public SideBySide measure(int threads, int ops, int repeats, BenchProgress bar) {
    bar.step(phase);
    Map<String, Figure> best = new LinkedHashMap<>();
    for (int repeat = 0; repeat < repeats; repeat++) {
      int done = repeat;
      Throughput.measure(threads, ops, peers, (step, steps) -> bar.update(done * steps + step, repeats * steps))
          .forEach((peer, figure) -> best.merge(peer, figure, Throughput::better));
    }
    figures = best;
    return this;
  }

  /**
   * The measured line, with {@code columns} ({@code name=value}, in their order) after the allocations and the
   * ratio last.
   *
   * @throws IllegalStateException before {@link #measure}, or with fewer than two peers
   */
  public String line(Map<String, ?> columns) {
    if (figures == null || figures.size() < 2) {
      throw new IllegalStateException("measure two peers or more before printing " + phase);
    }
    PhaseLine line = new PhaseLine(phase);
    figures.forEach(line::with);
    StringBuilder text = new StringBuilder(line.toString());
    columns.forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
    var rates = figures.values().iterator();
    double first = rates.next().opsPerSecond();
    double second = rates.next().opsPerSecond();
    return text.append(" ratio=").append(String.format(Locale.ROOT, "%.2f", first / second)).toString();
  }
}
