package dev.cairn.bench.kv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output line, {@code kv.<phase> name=<ops/s> ...}, with {@code -} for a peer that was not measured (not
 * installed, not applicable). Figures are whole operations per second. Not thread-safe; build and print.
 */
final class PhaseLine {
  private final String phase;
  private final Map<String, String> figures = new LinkedHashMap<>();

  PhaseLine(String phase) {
    this.phase = phase;
  }

  /** Adds a column; a null figure prints as {@code -} (not measured). */
  PhaseLine with(String peer, Double opsPerSecond) {
    figures.put(peer, opsPerSecond == null ? "-" : Long.toString(Math.round(opsPerSecond)));
    return this;
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(phase);
    figures.forEach((peer, figure) -> line.append(' ').append(peer).append('=').append(figure));
    return line.toString();
  }
}
