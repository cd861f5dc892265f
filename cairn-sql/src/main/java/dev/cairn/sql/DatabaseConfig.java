package dev.cairn.sql;

import dev.cairn.core.StoreUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link Database#open(DatabaseConfig)} needs, validated when built. Immutable; use the withers.
 *
 * <p>Time limits. Every call on a {@link Database} (a table operation, {@link Session#execute}, a whole
 * {@link Session#transaction} with its retries) has a deadline {@code operationTimeout} after it starts: waiting
 * for a pooled connection, waiting for SQLite's write lock and backing off between retries all stop there, and
 * the call returns UNAVAILABLE {@code DEADLINE_EXCEEDED} (the message names the pool's total, active, idle and
 * waiting counts when the wait was for a connection). Nothing was written by a call that ends so. Running
 * statements are bounded separately, each by {@code queryTimeout}: one that runs longer is cancelled and fails
 * UNAVAILABLE {@code QUERY_TIMEOUT}, and what it did is rolled back. On PostgreSQL and MariaDB, waits for row
 * locks held by other transactions are bounded by {@code operationTimeout} too (then CONFLICT
 * {@code LOCK_WAIT_TIMEOUT}, retried while the deadline allows).
 *
 * @param url where the database is ({@code sqlite:...}, {@code postgresql://...}, {@code mariadb://...})
 * @param poolSize maximum connections (for SQLite: the read pool; writes use one extra writer connection)
 * @param connectTimeout how long opening one new connection may take; on SQLite also the longest one attempt
 *     waits for the write lock (within the operation's deadline)
 * @param operationTimeout the deadline of one call, retries included (see above); default 5 s
 * @param queryTimeout the longest one statement may run (see above); default 30 s
 * @param retry how transient conflicts are retried
 * @param maxPageSize the largest page a {@link Query} may ask for
 * @param clock the time source for latency figures, deadlines and backoff
 */
public record DatabaseConfig(
    StoreUrl url, int poolSize, Duration connectTimeout, Duration operationTimeout, Duration queryTimeout,
    RetryPolicy retry, int maxPageSize, Clock clock) {
  /** The default {@link #operationTimeout()}. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(5);
  /** The default {@link #queryTimeout()}. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(clock, "clock");
    if (!url.kind().isSql()) {
      throw new IllegalArgumentException(url + " is not a SQL database URL");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, was " + poolSize);
    }
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize must be >= 1, was " + maxPageSize);
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(operationTimeout, "operationTimeout");
    requirePositive(queryTimeout, "queryTimeout");
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }

  /**
   * Defaults for a URL: pool of 10, 5 s connect timeout, 5 s operation timeout, 30 s query timeout,
   * {@link RetryPolicy#DEFAULT}, page size cap 1000.
   *
   * @throws dev.cairn.core.InvalidInputException for a malformed or non-SQL URL
   */
  public static DatabaseConfig of(String url) {
    StoreUrl parsed = StoreUrl.parse(url);
    if (!parsed.kind().isSql()) {
      throw new dev.cairn.core.InvalidInputException("NOT_A_DATABASE_URL",
          parsed + " is not a SQL database URL (expected sqlite:, postgresql://, mysql:// or mariadb://)");
    }
    return of(parsed, 10);
  }

  /** Defaults as {@link #of(String)} for an already parsed SQL URL and a pool size. */
  public static DatabaseConfig of(StoreUrl url, int poolSize) {
    return new DatabaseConfig(url, poolSize, Duration.ofSeconds(5), DEFAULT_OPERATION_TIMEOUT, DEFAULT_QUERY_TIMEOUT,
        RetryPolicy.DEFAULT, 1000, Clock.systemUTC());
  }

  public DatabaseConfig withPoolSize(int size) {
    return new DatabaseConfig(url, size, connectTimeout, operationTimeout, queryTimeout, retry, maxPageSize, clock);
  }

  public DatabaseConfig withConnectTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, timeout, operationTimeout, queryTimeout, retry, maxPageSize, clock);
  }

  /** The deadline of each call, retries included; see the class comment. */
  public DatabaseConfig withOperationTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, connectTimeout, timeout, queryTimeout, retry, maxPageSize, clock);
  }

  /** The longest one statement may run; see the class comment. */
  public DatabaseConfig withQueryTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, timeout, retry, maxPageSize, clock);
  }

  public DatabaseConfig withRetry(RetryPolicy policy) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, policy, maxPageSize,
        clock);
  }

  public DatabaseConfig withMaxPageSize(int size) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, retry, size, clock);
  }

  public DatabaseConfig withClock(Clock newClock) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, retry, maxPageSize,
        newClock);
  }
}
