package dev.cairn.bench.kv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output line, {@code kv.<phase> name=<ops/s> ... name_alloc_b_op=<bytes> ...}, with {@code -} for a peer
 * that was not measured (not installed, not applicable). Figures are whole operations per second; after them come
 * the heap bytes allocated per operation of each peer measured in this process ({@link Figure}), so an allocation
 * regression shows even when the machine is too noisy for the rates to. Not thread-safe; build and print.
 */
final class PhaseLine {
  private final String phase;
  private final Map<String, String> figures = new LinkedHashMap<>();
  private final Map<String, String> allocations = new LinkedHashMap<>();
  private final Map<String, Double> rates = new LinkedHashMap<>();
  private final Map<String, String> ratios = new LinkedHashMap<>();

  PhaseLine(String phase) {
    this.phase = phase;
  }

  /** Adds a column; a null figure prints as {@code -} (not measured). */
  PhaseLine with(String peer, Double opsPerSecond) {
    figures.put(peer, opsPerSecond == null ? "-" : Long.toString(Math.round(opsPerSecond)));
    rates.put(peer, opsPerSecond);
    return this;
  }

  /**
   * Adds {@code <of>_vs_<to>=<ratio>}, the rate of {@code of} over the rate of {@code to}, both already added,
   * after the allocation columns; {@code -} when either was not measured.
   */
  PhaseLine ratio(String of, String to) {
    Double numerator = rates.get(of);
    Double denominator = rates.get(to);
    ratios.put(of + "_vs_" + to, numerator == null || denominator == null || denominator == 0 ? "-"
        : String.format(java.util.Locale.ROOT, "%.2f", numerator / denominator));
    return this;
  }

  /**
   * Adds a column and its allocation column; a null figure prints both as {@code -} (not measured), a null
   * allocation prints as {@code -} (the JVM cannot count it).
   */
  PhaseLine with(String peer, Figure figure) {
    with(peer, figure == null ? null : figure.opsPerSecond());
    Double bytes = figure == null ? null : figure.allocatedBytesPerOp();
    allocations.put(peer + "_alloc_b_op", bytes == null ? "-" : Long.toString(Math.round(bytes)));
    return this;
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(phase);
    figures.forEach((peer, figure) -> line.append(' ').append(peer).append('=').append(figure));
    allocations.forEach((column, bytes) -> line.append(' ').append(column).append('=').append(bytes));
    ratios.forEach((column, ratio) -> line.append(' ').append(column).append('=').append(ratio));
    return line.toString();
  }
}
