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

  /**
   * Validates the settings.
   *
   * @throws NullPointerException for a null argument
   * @throws InvalidInputException {@code NOT_A_DATABASE_URL} for a URL of another kind of store,
   *     {@code INVALID_OPTION} for a pool size or page size cap below 1 or a timeout that is not positive
   */
  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(clock, "clock");
    requireSql(url);
    checkSqliteSettings(url);
    if (poolSize < 1) {
      throw new InvalidInputException("INVALID_OPTION", "poolSize must be >= 1, was " + poolSize);
    }
    if (maxPageSize < 1) {
      throw new InvalidInputException("INVALID_OPTION", "maxPageSize must be >= 1, was " + maxPageSize);
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(operationTimeout, "operationTimeout");
    requirePositive(queryTimeout, "queryTimeout");
  }

  private static void requireSql(StoreUrl url) {
    if (!url.kind().isSql()) {
      throw new InvalidInputException("NOT_A_DATABASE_URL",
          url + " is not a SQL database URL (expected sqlite:, postgresql://, mysql:// or mariadb://)");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new InvalidInputException("INVALID_OPTION", name + " must be positive, was " + duration);
    }
  }

  /**
   * Defaults for a URL: pool of 10, 5 s connect timeout, 5 s operation timeout, 30 s query timeout,
   * {@link RetryPolicy#DEFAULT}, page size cap 1000. The query parameters {@code operationTimeout} and
   * {@code queryTimeout} set those options ({@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 such as
   * {@code PT5S}), e.g. {@code sqlite:data/app.db?operationTimeout=10s}; they are taken out of the URL, so no
   * driver sees them.
   *
   * @throws InvalidInputException {@code INVALID_URL} or {@code UNSUPPORTED_URL_SCHEME} for a malformed URL,
   *     {@code NOT_A_DATABASE_URL} as the constructor, {@code INVALID_OPTION} for an option value that is
   *     not a positive duration
   */
  public static DatabaseConfig of(String url) {
    return ofParsed(StoreUrl.parse(url));
  }

  private static DatabaseConfig ofParsed(StoreUrl parsed) {
    requireSql(parsed); // before the options: a key-value URL is refused as such, whatever its parameters
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
      throw new InvalidInputException("INVALID_OPTION", "URL option " + name
          + " must be a positive duration such as 500ms, 5s, 2m or PT5S", Map.of("option", name), null);
    }
    return duration;
  }

  /** SQLite settings a URL may carry ({@code sqlite:app.db?journal_mode=DELETE}), checked here, applied on open. */
  public static final String SQLITE_JOURNAL_MODE = "journal_mode";
  /** See {@link #SQLITE_JOURNAL_MODE}: {@code OFF}, {@code NORMAL} (Cairn's default), {@code FULL}. */
  public static final String SQLITE_SYNCHRONOUS = "synchronous";
  /** See {@link #SQLITE_JOURNAL_MODE}: pages, or KiB when negative (Cairn's default is -16384, 16 MiB). */
  public static final String SQLITE_CACHE_SIZE = "cache_size";

  private static final Map<String, Pattern> SQLITE_SETTINGS = Map.of(
      SQLITE_JOURNAL_MODE, Pattern.compile("(?i)DELETE|TRUNCATE|PERSIST|MEMORY|WAL|OFF"),
      SQLITE_SYNCHRONOUS, Pattern.compile("(?i)OFF|NORMAL|FULL|[0-2]"),
      SQLITE_CACHE_SIZE, Pattern.compile("-?\\d{1,9}"));

  /**
   * The configuration the environment describes, with the names the Modular framework and similar Python services
   * use besides Cairn's own:
   * <ul>
   *   <li>{@code CAIRN_DATABASE_URL}, else {@code DATABASE_URL}: the URL (required here);
   *   <li>{@code DATABASE_MAX_RETRIES}: retries after the first attempt ({@link RetryPolicy#maxAttempts()} is one
   *       more);
   *   <li>{@code DATABASE_CONNECTION_TIMEOUT}: {@link #connectTimeout()}, seconds ({@code 30}) or a duration
   *       ({@code 500ms}, {@code PT30S}); on SQLite also the busy timeout;
   *   <li>{@code DATABASE_POOL_SIZE}: {@link #poolSize()};
   *   <li>{@code SQLITE_JOURNAL_MODE}, {@code SQLITE_SYNCHRONOUS}, {@code SQLITE_CACHE_SIZE}: the SQLite pragmas
   *       of every connection (ignored for other databases), as the URL options {@link #SQLITE_JOURNAL_MODE} etc.
   * </ul>
   *
   * @throws InvalidInputException {@code MISSING_DATABASE_URL} without a URL, {@code INVALID_OPTION} (naming the
   *     variable) for a value that does not parse
   */
  public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
    String url = dev.cairn.core.StoreEnvironment.of(environment).configuredDatabaseUrl().orElseThrow(() ->
        new InvalidInputException("MISSING_DATABASE_URL", "set CAIRN_DATABASE_URL or DATABASE_URL"));
    StoreUrl parsed = StoreUrl.parse(url);
    Map<String, String> params = new LinkedHashMap<>(parsed.params());
    if (parsed.kind() == StoreUrl.Kind.SQLITE) {
      putIfSet(params, SQLITE_JOURNAL_MODE, environment.get("SQLITE_JOURNAL_MODE"));
      putIfSet(params, SQLITE_SYNCHRONOUS, environment.get("SQLITE_SYNCHRONOUS"));
      putIfSet(params, SQLITE_CACHE_SIZE, environment.get("SQLITE_CACHE_SIZE"));
    }
    StoreUrl withSettings = new StoreUrl(parsed.kind(), parsed.tls(), parsed.user(), parsed.password(),
        parsed.hosts(), parsed.path(), params);
    DatabaseConfig config = ofParsed(withSettings);
    String retries = environment.get("DATABASE_MAX_RETRIES");
    if (retries != null && !retries.isBlank()) {
      int count = integer(retries, "DATABASE_MAX_RETRIES", 0);
      config = config.withRetry(new RetryPolicy(count + 1, config.retry().baseDelay(), config.retry().maxDelay()));
    }
    String timeout = environment.get("DATABASE_CONNECTION_TIMEOUT");
    if (timeout != null && !timeout.isBlank()) {
      String text = timeout.strip().matches("\\d{1,9}") ? timeout.strip() + "s" : timeout;
      config = config.withConnectTimeout(option(text, "DATABASE_CONNECTION_TIMEOUT", null));
    }
    String pool = environment.get("DATABASE_POOL_SIZE");
    if (pool != null && !pool.isBlank()) {
      config = config.withPoolSize(integer(pool, "DATABASE_POOL_SIZE", 1));
    }
    return config;
  }

  private static void putIfSet(Map<String, String> params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value.strip());
    }
  }

  private static int integer(String text, String name, int minimum) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= minimum) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("INVALID_OPTION", name + " must be a whole number >= " + minimum,
        Map.of("option", name), null);
  }

  private static void checkSqliteSettings(StoreUrl url) {
    if (url.kind() != StoreUrl.Kind.SQLITE) {
      return;
    }
    SQLITE_SETTINGS.forEach((name, valid) -> {
      String value = url.params().get(name);
      if (value != null && !valid.matcher(value).matches()) {
        throw new InvalidInputException("INVALID_OPTION", "SQLite option " + name + " must match " + valid.pattern()
            .replace("(?i)", ""), Map.of("option", name), null);
      }
    });
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
