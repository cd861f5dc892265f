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

  /**
   * The phase's reported round (0-based): of the rounds in which both sides ran, the one whose ratio ({@code side}
   * over {@code peer}) is the median, the lower of the middle two for an even count. Without a round of both, the
   * last round of {@code side}.
   *
   * <p>Why not each side's best round: the two runs of a round are seconds apart, so what the machine does to one
   * it mostly does to the other, and their ratio is what the round measured. Noise here goes both ways: on this
   * 2-core machine a run at times goes twice as fast (PostgreSQL page_first rounds of the JDBC side: 6,241,
   * 10,307 and 5,456 pages/s, its CPU time per page halving alike), and each side's best round paired one side's
   * lucky spell with the other's ordinary one. The median ratio sets such a round aside, whichever side it helped.
   *
   * @throws IllegalArgumentException when nothing was measured for that phase and side
   */
  public int medianRatioRound(String phase, String side, String peer) {
    List<Double> own = runs(phase, side);
    List<Double> other = opsPerSecond.getOrDefault(phase, Map.of()).getOrDefault(peer, List.of());
    int rounds = Math.min(own.size(), other.size());
    if (rounds == 0) {
      return own.size() - 1;
    }
    Integer[] order = new Integer[rounds];
    for (int i = 0; i < rounds; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> own.get(i) / other.get(i)));
    return order[(rounds - 1) / 2];
  }

  /**
   * The throughput of a side in a phase in round {@code round} (0-based).
   *
   * @throws IllegalArgumentException when that side has no such round in that phase
   */
  public double inRound(String phase, String side, int round) {
    List<Double> runs = runs(phase, side);
    if (round < 0 || round >= runs.size()) {
      throw new IllegalArgumentException("no round " + (round + 1) + " of " + side + " in " + phase);
    }
    return runs.get(round);
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
