package dev.cairn.bench.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of every timed run, by phase (in first-seen order) and side: per wall-clock second (the figure that
 * is printed) and, for diagnosis, per CPU second of the measuring thread, which a busy machine disturbs far less
 * but which leaves out the time spent waiting for a server or a disk; and the heap bytes allocated per operation
 * ({@link HeapAllocation}), which noise does not disturb at all. Not thread-safe.
 */
public final class Measurements {
  private final Map<String, Map<String, List<Double>>> opsPerSecond = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Double>>> opsPerCpuSecond = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Double>>> bytesPerOperation = new LinkedHashMap<>();

  void add(String phase, String side, int operations, long elapsedNanos, long cpuNanos) {
    add(phase, side, operations, elapsedNanos, cpuNanos, null);
  }

  /** As {@link #add(String, String, int, long, long)}, with the run's heap allocation per operation, if known. */
  void add(String phase, String side, int operations, long elapsedNanos, long cpuNanos, Double allocatedPerOp) {
    record(opsPerSecond, phase, side, operations, elapsedNanos);
    record(opsPerCpuSecond, phase, side, operations, cpuNanos);
    if (allocatedPerOp != null) {
      bytesPerOperation.computeIfAbsent(phase, k -> new LinkedHashMap<>())
          .computeIfAbsent(side, k -> new ArrayList<>())
          .add(allocatedPerOp);
    }
  }

  private static void record(
      Map<String, Map<String, List<Double>>> figures, String phase, String side, int operations, long nanos) {
    figures.computeIfAbsent(phase, k -> new LinkedHashMap<>())
        .computeIfAbsent(side, k -> new ArrayList<>())
        .add(operations / (Math.max(1, nanos) / 1e9));
  }

  /** Every round's wall-clock figure of a side in a phase, in run order, as integers: {@code [812, 790, 805]}. */
  public String rounds(String phase, String side) {
    return format(opsPerSecond, phase, side);
  }

  /** Every round's figure per CPU second of the measuring thread, as {@link #rounds}. */
  public String cpuRounds(String phase, String side) {
    return format(opsPerCpuSecond, phase, side);
  }

  private static String format(Map<String, Map<String, List<Double>>> figures, String phase, String side) {
    return figures.getOrDefault(phase, Map.of()).getOrDefault(side, List.of()).stream()
        .map(value -> Long.toString(Math.round(value))).toList().toString();
  }

  public List<String> phases() {
    return List.copyOf(opsPerSecond.keySet());
  }

  /**
   * The best throughput of a side in a phase over all rounds.
   *
   * @throws IllegalArgumentException when nothing was measured for that phase and side
   */
  public double best(String phase, String side) {
    return runs(phase, side).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  /** A side's and its peer's figures for one phase, as its line reports them. */
  public record Pick(double side, double peer) {
    public double ratio() {
      return side / peer;
    }
  }

  /**
   * The phase's reported figures: the rounds in which both sides ran are taken in consecutive pairs (1-2, 3-4, ...;
   * an odd last round alone), a pair's figure of each side is the geometric mean of its rounds, and of the pairs,
   * the one whose ratio ({@code side} over {@code peer}) is the median is reported, the lower of the middle two for
   * an even count. Without a round of both, {@code side}'s last round (and the peer's, if any).
   *
   * <p>Why the median and not each side's best round: the two runs of a round are seconds apart, so what the
   * machine does to one it mostly does to the other, and their ratio is what the round measured. Noise here goes
   * both ways: on this 2-core machine a run at times goes twice as fast (PostgreSQL page_first rounds of the JDBC
   * side: 6,241, 10,307 and 5,456 pages/s, its CPU time per page halving alike), and each side's best round paired
   * one side's lucky spell with the other's ordinary one. The median sets such a round aside, whichever side it
   * helped.
   *
   * <p>Why pairs: {@link WorkloadRunner} runs a round's phases Cairn first in odd rounds and JDBC first in even ones,
   * and on SQLite the side that runs second writes faster, whichever it is (update_own_tx rounds, Cairn first,
   * JDBC first, Cairn first: cairn 22,130, 27,140, 22,935 and jdbc 27,257, 23,672, 27,624 updates/s). The
   * median of single rounds then carries the bias of whichever order ran more often (0.83 there); a pair holds one
   * round of each order, and the geometric mean cancels a factor the order multiplies the ratio by (0.99 there).
   *
   * @throws IllegalArgumentException when nothing was measured for that phase and side
   */
  public Pick median(String phase, String side, String peer) {
    List<Double> own = runs(phase, side);
    List<Double> other = opsPerSecond.getOrDefault(phase, Map.of()).getOrDefault(peer, List.of());
    int rounds = Math.min(own.size(), other.size());
    if (rounds == 0) {
      return new Pick(own.getLast(), Double.NaN);
    }
    List<Pick> pairs = new ArrayList<>();
    for (int first = 0; first < rounds; first += 2) {
      int end = Math.min(rounds, first + 2);
      pairs.add(new Pick(geometricMean(own.subList(first, end)), geometricMean(other.subList(first, end))));
    }
    pairs.sort(java.util.Comparator.comparingDouble(Pick::ratio));
    return pairs.get((pairs.size() - 1) / 2);
  }

  private static double geometricMean(List<Double> values) {
    double logs = 0;
    for (double value : values) {
      logs += Math.log(value);
    }
    return Math.exp(logs / values.size());
  }

  private List<Double> runs(String phase, String side) {
    List<Double> runs = opsPerSecond.getOrDefault(phase, Map.of()).get(side);
    if (runs == null || runs.isEmpty()) {
      throw new IllegalArgumentException("no measurement of " + side + " in " + phase);
    }
    return runs;
  }

  /**
   * The least heap allocation per operation of a side in a phase over all rounds (a round still warming the JIT
   * allocates more), or {@code null} when the JVM could not count it.
   */
  public Double leastAllocation(String phase, String side) {
    List<Double> runs = bytesPerOperation.getOrDefault(phase, Map.of()).get(side);
    return runs == null || runs.isEmpty() ? null : runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }
}
