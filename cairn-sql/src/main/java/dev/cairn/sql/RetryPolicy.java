package dev.cairn.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient conflicts (SQLite busy/locked, PostgreSQL 40001/40P01, MySQL 1213) are retried: up to
 * {@code maxAttempts} attempts in all, waiting a random time up to {@code baseDelay * 2^(attempt-1)}, capped at
 * {@code maxDelay} ("full jitter"). Retries apply to whole transactions and to single statements whose failure
 * guarantees nothing was written (including a connection lost before COMMIT), and stop at the call's
 * {@linkplain DatabaseConfig#operationTimeout() deadline} whatever {@code maxAttempts} says.
 *
 * @param maxAttempts attempts in all, at least 1 (1 disables retrying)
 * @param baseDelay the first backoff bound
 * @param maxDelay the cap on any one backoff
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  /** 5 attempts, 10 ms first backoff, 2 s cap. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(2));

  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }
}
