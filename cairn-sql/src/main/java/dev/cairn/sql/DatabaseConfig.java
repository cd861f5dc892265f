package dev.cairn.sql;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything {@link Database#open(DatabaseConfig)} needs, validated when built. Immutable; use the withers.
 *
 * <p>Time limits. Every call on a {@link Database} (a table operation, {@link Session#execute}, a whole
 * {@link Session#transaction} with its retries) has a deadline {@code operationTimeout} after it starts: waiting
 * for a pooled connection, waiting for SQLite's write lock and backing off between retries all stop there, and
 * the call returns UNAVAILABLE {@code DEADLINE_EXCEEDED} (the message names the pool's total, active, idle and
 * waiting counts when the wait was for a connection). Nothing was written by a call that ends so. (A deadlock or
 * serialization failure is not a wait: it is retried within {@link RetryPolicy#maxAttempts()} even past the
 * deadline, taking a connection only if one is free.) Running
 * statements are bounded separately, each by {@code queryTimeout}: one that runs longer is cancelled and fails
 * UNAVAILABLE {@code QUERY_TIMEOUT}, and what it did is rolled back. On PostgreSQL and MariaDB a wait for a row
 * lock happens inside a statement, so {@code queryTimeout} bounds it.
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

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

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
   * {@link RetryPolicy#DEFAULT}, page size cap 1000. The query parameters {@code operationTimeout} and
   * {@code queryTimeout} set those options ({@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 such as
   * {@code PT5S}), e.g. {@code sqlite:data/app.db?operationTimeout=10s}; they are taken out of the URL, so no
   * driver sees them.
   *
   * @throws dev.cairn.core.InvalidInputException for a malformed or non-SQL URL, {@code INVALID_DATABASE_OPTION}
   *     for an option value that is not a positive duration
   */
  public static DatabaseConfig of(String url) {
    StoreUrl parsed = StoreUrl.parse(url);
    if (!parsed.kind().isSql()) {
      throw new InvalidInputException("NOT_A_DATABASE_URL",
          parsed + " is not a SQL database URL (expected sqlite:, postgresql://, mysql:// or mariadb://)");
    }
    Map<String, String> params = new LinkedHashMap<>(parsed.params());
    Duration operationTimeout = option(params.remove("operationTimeout"), "operationTimeout",
        DEFAULT_OPERATION_TIMEOUT);
    Duration queryTimeout = option(params.remove("queryTimeout"), "queryTimeout", DEFAULT_QUERY_TIMEOUT);
    StoreUrl stripped = new StoreUrl(parsed.kind(), parsed.tls(), parsed.user(), parsed.password(), parsed.hosts(),
        parsed.path(), params);
    return of(stripped, 10).withOperationTimeout(operationTimeout).withQueryTimeout(queryTimeout);
  }

  private static Duration option(String text, String name, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    Duration duration = null;
    Matcher matcher = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration = switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      };
    } else {
      try {
        duration = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new InvalidInputException("INVALID_DATABASE_OPTION", "URL option " + name
          + " must be a positive duration such as 500ms, 5s, 2m or PT5S", Map.of("option", name), null);
    }
    return duration;
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
