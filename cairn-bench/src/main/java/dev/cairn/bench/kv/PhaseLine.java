package dev.cairn.bench.kv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

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

  PhaseLine with(String peer, double opsPerSecond) {
    figures.put(peer, Long.toString(Math.round(opsPerSecond)));
    return this;
  }

  PhaseLine with(String peer, OptionalDouble opsPerSecond) {
    figures.put(peer, opsPerSecond.isPresent() ? Long.toString(Math.round(opsPerSecond.getAsDouble())) : "-");
    return this;
  }

  PhaseLine notMeasured(String peer) {
    figures.put(peer, "-");
    return this;
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(phase);
    figures.forEach((peer, figure) -> line.append(' ').append(peer).append('=').append(figure));
    return line.toString();
  }
}
