package dev.cairn.bench.faults.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** How often each failure code was seen, for a scenario's details; thread-safe. */
public final class FailureCodes {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one failure with {@code code} (an HTTP status and code, an exception class, ...). */
  public void add(String code) {
    counts.computeIfAbsent(code, key -> new LongAdder()).increment();
  }

  /** {@code CODE:n,CODE:n} sorted by code, or {@code none}. */
  @Override
  public String toString() {
    if (counts.isEmpty()) {
      return "none";
    }
    return new TreeMap<>(counts).entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue().sum())
        .collect(Collectors.joining(","));
  }
}
