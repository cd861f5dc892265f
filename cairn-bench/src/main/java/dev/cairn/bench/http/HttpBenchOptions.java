package dev.cairn.bench.http;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link HttpBench} runs. Immutable; validated when built.
 *
 * @param rows rows in the {@code users} table when the bench creates it
 * @param connections concurrent clients (each a virtual thread with its own request in flight)
 * @param warmup most load before measuring each side (JIT, pools, connections); it ends earlier once the JIT
 *     compiler is quiet (see {@link JitWarmUp})
 * @param duration measured time per side in each round
 * @param loader what generates the HTTP load
 * @param rounds how many HTTP and direct windows are measured, interleaved (the order swapped each round); the line
 *     shows the round with the median ratio
 */
public record HttpBenchOptions(int rows, int connections, Duration warmup, Duration duration, Loader loader,
    int rounds) {

  /** The HTTP load generator. */
  public enum Loader {
    /** {@code wrk} when it is on the PATH, else {@link #JAVA}. */
    AUTO,
    /** {@code wrk}, a native load generator outside the JVM. */
    WRK,
    /** {@code java.net.http} clients on virtual threads in this JVM (they share its CPU with the server). */
    JAVA;

    /** The loader this choice means on this machine. */
    public Loader resolve() {
      return this == AUTO ? (WrkLoad.available() ? WRK : JAVA) : this;
    }
  }

  /** Rows per page, as the workload's name {@code http.page50} says. */
  public static final int PAGE_SIZE = 50;

  /**
   * Validates the options.
   *
   * @throws InvalidInputException {@code INVALID_OPTION} for a non-positive count or duration, or {@code WRK}
   *     without wrk installed (the message names the option)
   */
  public HttpBenchOptions {
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(loader, "loader");
    if (rows < PAGE_SIZE) {
      throw new InvalidInputException("INVALID_OPTION", "--rows must be at least " + PAGE_SIZE + ", was " + rows);
    }
    if (connections < 1) {
      throw new InvalidInputException("INVALID_OPTION", "--connections must be at least 1, was " + connections);
    }
    if (loader == Loader.WRK && !WrkLoad.available()) {
      throw new InvalidInputException("INVALID_OPTION", "--loader wrk: wrk is not on the PATH (Debian/Ubuntu: apt-get install wrk)");
    }
    if (rounds < 1) {
      throw new InvalidInputException("INVALID_OPTION", "--rounds must be at least 1, was " + rounds);
    }
    if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
      throw new InvalidInputException("INVALID_OPTION", "--seconds must be positive and the warm-up not negative");
    }
  }

  /** One round: the options as they were before rounds existed. */
  public HttpBenchOptions(int rows, int connections, Duration warmup, Duration duration, Loader loader) {
    this(rows, connections, warmup, duration, loader, 1);
  }

  /** 10 000 rows, 50 connections, 2 s warm-up, three rounds of 3 s measured per side, wrk when installed. */
  public static HttpBenchOptions defaults() {
    return new HttpBenchOptions(10_000, 50, Duration.ofSeconds(2), Duration.ofSeconds(3), Loader.AUTO, 3);
  }

  /** The number of pages the table has, which the load cycles through. */
  public int pages() {
    return rows / PAGE_SIZE;
  }
}
