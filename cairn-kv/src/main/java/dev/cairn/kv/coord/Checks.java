package dev.cairn.kv.coord;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the coordination primitives; each failure is one line with a stable code. */
final class Checks {
  private Checks() {}

  /** @throws InvalidInputException {@code EMPTY_NAME} for an empty name */
  static String name(String what, String name) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new InvalidInputException("EMPTY_NAME", what + " must not be empty");
    }
    return name;
  }

  /** @throws InvalidInputException {@code INVALID_DURATION} for a duration below one millisecond */
  static Duration atLeastOneMilli(String what, Duration duration) {
    Objects.requireNonNull(duration, what);
    if (duration.compareTo(Duration.ofMillis(1)) < 0) {
      throw new InvalidInputException("INVALID_DURATION", what + " must be at least 1 ms, got " + duration);
    }
    return duration;
  }

  /**
   * A waiter's poll interval in nanoseconds; intervals beyond a year, as good as forever, are a year, so waiting
   * arithmetic cannot overflow.
   *
   * @throws InvalidInputException {@code INVALID_DURATION} for an interval below one millisecond
   */
  static long pollIntervalNanos(String what, Duration interval) {
    Duration year = Duration.ofDays(365);
    return atLeastOneMilli(what, interval).compareTo(year) > 0 ? year.toNanos() : interval.toNanos();
  }

  /** @throws InvalidInputException {@code INVALID_DURATION} for a negative duration */
  static Duration notNegative(String what, Duration duration) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative()) {
      throw new InvalidInputException("INVALID_DURATION", what + " must not be negative, got " + duration);
    }
    return duration;
  }

  /** The {@link System#nanoTime()} at which {@code wait} ends; waits beyond about 292 years end then instead. */
  static long deadlineAfter(Duration wait) {
    long nanos = wait.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : wait.toNanos();
    return System.nanoTime() + nanos;
  }

  /** @throws InvalidInputException {@code INVALID_LIMIT} for a limit below one */
  static long positive(String what, long value) {
    if (value < 1) {
      throw new InvalidInputException("INVALID_LIMIT", what + " must be at least 1, got " + value);
    }
    return value;
  }
}
