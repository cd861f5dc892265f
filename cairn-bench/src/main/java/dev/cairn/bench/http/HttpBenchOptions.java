package dev.cairn.bench.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link HttpBench} runs. Immutable; validated when built.
 *
 * @param rows rows in the {@code users} table when the bench creates it
 * @param connections concurrent clients (each a virtual thread with its own request in flight)
 * @param warmup load before measuring (JIT, pools, connections)
 * @param duration measured time per side (HTTP, then direct)
 */
public record HttpBenchOptions(int rows, int connections, Duration warmup, Duration duration) {
  /** Rows per page, as the workload's name {@code http.page50} says. */
  public static final int PAGE_SIZE = 50;

  /** @throws IllegalArgumentException for a non-positive count or duration (the message names it) */
  public HttpBenchOptions {
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(duration, "duration");
    if (rows < PAGE_SIZE) {
      throw new IllegalArgumentException("--rows must be at least " + PAGE_SIZE + ", was " + rows);
    }
    if (connections < 1) {
      throw new IllegalArgumentException("--connections must be at least 1, was " + connections);
    }
    if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--seconds must be positive and the warm-up not negative");
    }
  }

  /** 10 000 rows, 50 connections, 2 s warm-up, 5 s measured per side. */
  public static HttpBenchOptions defaults() {
    return new HttpBenchOptions(10_000, 50, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  /** The number of pages the table has, which the load cycles through. */
  public int pages() {
    return rows / PAGE_SIZE;
  }
}
