package dev.cairn.sql;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link Database#open(DatabaseConfig)} needs, validated when built. Immutable; use the withers.
 *
 * @param url where the database is ({@code sqlite:...}, {@code postgresql://...}, {@code mariadb://...})
 * @param poolSize maximum connections (for SQLite: the read pool; writes use one extra writer connection)
 * @param connectTimeout how long to wait for a connection (also the SQLite busy timeout)
 * @param retry how transient conflicts are retried
 * @param maxPageSize the largest page a {@link Query} may ask for
 * @param clock the time source for latency figures and backoff
 */
public record DatabaseConfig(
    StoreUrl url, int poolSize, Duration connectTimeout, RetryPolicy retry, int maxPageSize, Clock clock) {

  /**
   * Validates the settings.
   *
   * @throws NullPointerException for a null argument
   * @throws InvalidInputException {@code NOT_A_DATABASE_URL} for a URL of another kind of store,
   *     {@code INVALID_OPTION} for a pool size, page size cap or timeout below 1
   */
  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(clock, "clock");
    if (!url.kind().isSql()) {
      throw new InvalidInputException("NOT_A_DATABASE_URL",
          url + " is not a SQL database URL (expected sqlite:, postgresql://, mysql:// or mariadb://)");
    }
    if (poolSize < 1) {
      throw new InvalidInputException("INVALID_OPTION", "poolSize must be >= 1, was " + poolSize);
    }
    if (maxPageSize < 1) {
      throw new InvalidInputException("INVALID_OPTION", "maxPageSize must be >= 1, was " + maxPageSize);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new InvalidInputException("INVALID_OPTION", "connectTimeout must be positive, was " + connectTimeout);
    }
  }

  /**
   * Defaults for a URL: pool of 10, 5 s connect timeout, {@link RetryPolicy#DEFAULT}, page size cap 1000.
   *
   * @throws InvalidInputException {@code INVALID_URL} or {@code UNSUPPORTED_URL_SCHEME} for a malformed URL,
   *     {@code NOT_A_DATABASE_URL} as the constructor
   */
  public static DatabaseConfig of(String url) {
    return new DatabaseConfig(StoreUrl.parse(url), 10, Duration.ofSeconds(5), RetryPolicy.DEFAULT, 1000,
        Clock.systemUTC());
  }

  public DatabaseConfig withPoolSize(int size) {
    return new DatabaseConfig(url, size, connectTimeout, retry, maxPageSize, clock);
  }

  public DatabaseConfig withConnectTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, timeout, retry, maxPageSize, clock);
  }

  public DatabaseConfig withRetry(RetryPolicy policy) {
    return new DatabaseConfig(url, poolSize, connectTimeout, policy, maxPageSize, clock);
  }

  public DatabaseConfig withMaxPageSize(int size) {
    return new DatabaseConfig(url, poolSize, connectTimeout, retry, size, clock);
  }

  public DatabaseConfig withClock(Clock newClock) {
    return new DatabaseConfig(url, poolSize, connectTimeout, retry, maxPageSize, newClock);
  }
}
