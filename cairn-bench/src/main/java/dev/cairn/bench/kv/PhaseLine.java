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

  PhaseLine(String phase) {
    this.phase = phase;
  }

  /** Adds a column; a null figure prints as {@code -} (not measured). */
  PhaseLine with(String peer, Double opsPerSecond) {
    figures.put(peer, opsPerSecond == null ? "-" : Long.toString(Math.round(opsPerSecond)));
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
    return line.toString();
  }
}
