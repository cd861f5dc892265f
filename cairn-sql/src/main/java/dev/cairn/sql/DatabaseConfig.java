package dev.cairn.sql;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
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
 * waiting counts when the wait was for a connection; UNAVAILABLE {@code POOL_TIMEOUT} when a shorter
 * {@link PoolSettings#poolTimeout()} ended the wait for a connection). Nothing was written by a call that ends so. (A deadlock or
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
 * @param pool overflow, pool timeout, recycle, pre-ping and echo; see {@link PoolSettings}
 */
public record DatabaseConfig(
    StoreUrl url, int poolSize, Duration connectTimeout, Duration operationTimeout, Duration queryTimeout,
    RetryPolicy retry, int maxPageSize, Clock clock, PoolSettings pool) {
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
    Objects.requireNonNull(pool, "pool");
    requireSql(url);
    checkSqliteSettings(url);
    if (poolSize < 1) {
      throw new InvalidInputException("INVALID_OPTION", "poolSize must be >= 1, was " + poolSize,
          Map.of("option", "poolSize"), null);
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
   * {@link RetryPolicy#DEFAULT}, page size cap 1000, {@link PoolSettings#DEFAULT}. Query parameters set options
   * and are taken out of the URL, so no driver sees them: {@code operationTimeout} and {@code queryTimeout}
   * ({@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 such as {@code PT5S}), {@code poolSize},
   * {@code maxOverflow}, {@code poolTimeout}, {@code recycle}, {@code prePing} and {@code echo} ({@code true} or
   * {@code false}); e.g. {@code postgresql://db/app?poolSize=5&maxOverflow=10&poolTimeout=2s&prePing=true}.
   *
   * <p>A URL whose scheme a {@linkplain DatabaseBackends registered} plugged-in backend serves
   * ({@code h2:mem:test}) is kept whole ({@link StoreUrl#plugged}); it takes no options (use the withers).
   *
   * @throws InvalidInputException {@code INVALID_URL} for a malformed URL, {@code UNSUPPORTED_URL_SCHEME} (naming
   *     the registered database backends) for a scheme no backend serves, {@code NOT_A_DATABASE_URL} as the
   *     constructor, {@code INVALID_OPTION} for an option value that does not parse
   */
  public static DatabaseConfig of(String url) {
    return ofParsed(parse(url));
  }

  /** The schemes {@link StoreUrl#parse} knows; any other goes to the registered backends. */
  private static final java.util.Set<String> STORE_URL_SCHEMES = java.util.Set.of("sqlite", "memory", "mem",
      "postgresql", "postgres", "pgsql", "mysql", "mariadb", "redis", "rediss", "redis-sentinel", "rediss-sentinel",
      "redis-cluster", "rediss-cluster");

  private static StoreUrl parse(String url) {
    String scheme = schemeOf(url);
    if (scheme != null && !STORE_URL_SCHEMES.contains(scheme) && DatabaseBackends.isRegistered(scheme)) {
      return StoreUrl.plugged(url);
    }
    try {
      return StoreUrl.parse(url);
    } catch (InvalidInputException e) {
      if ("UNSUPPORTED_URL_SCHEME".equals(e.code())) {
        throw DatabaseBackends.unknown(scheme);
      }
      throw e;
    }
  }

  /** The lower-case scheme of a URL text (without {@code jdbc:} and a {@code +driver} suffix), or null. */
  private static String schemeOf(String url) {
    if (url == null) {
      return null;
    }
    String text = url.strip();
    text = text.regionMatches(true, 0, "jdbc:", 0, 5) ? text.substring(5) : text;
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    int plus = scheme.indexOf('+');
    return plus > 0 ? scheme.substring(0, plus) : scheme;
  }

  private static DatabaseConfig ofParsed(StoreUrl parsed) {
    requireSql(parsed); // before the options: a key-value URL is refused as such, whatever its parameters
    Map<String, String> params = new LinkedHashMap<>(parsed.params());
    Duration operationTimeout = option(params.remove("operationTimeout"), "operationTimeout",
        DEFAULT_OPERATION_TIMEOUT);
    Duration queryTimeout = option(params.remove("queryTimeout"), "queryTimeout", DEFAULT_QUERY_TIMEOUT);
    String poolSize = params.remove("poolSize");
    String overflow = params.remove("maxOverflow");
    String poolTimeout = params.remove("poolTimeout");
    String recycle = params.remove("recycle");
    String prePing = params.remove("prePing");
    String echo = params.remove("echo");
    StoreUrl stripped = new StoreUrl(parsed.kind(), parsed.tls(), parsed.user(), parsed.password(), parsed.hosts(),
        parsed.path(), params);
    PoolSettings pool = PoolSettings.DEFAULT
        .withMaxOverflow(overflow == null ? 0 : integer(overflow, "URL option maxOverflow", 0))
        .withPoolTimeout(option(poolTimeout, "poolTimeout", null))
        .withRecycle(option(recycle, "recycle", null))
        .withPrePing(bool(prePing, "URL option prePing"))
        .withEcho(bool(echo, "URL option echo"));
    return of(stripped, poolSize == null ? 10 : integer(poolSize, "URL option poolSize", 1))
        .withOperationTimeout(operationTimeout).withQueryTimeout(queryTimeout).withPool(pool);
  }

  private static Duration option(String text, String name, Duration fallback) {
    return duration(text, "URL option " + name, name, fallback);
  }

  /** A duration: {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601; {@code fallback} when unset. */
  private static Duration duration(String text, String label, String option, Duration fallback) {
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
      throw new InvalidInputException("INVALID_OPTION", label
          + " must be a positive duration such as 500ms, 5s, 2m or PT5S", Map.of("option", option), null);
    }
    return duration;
  }

  private static boolean bool(String text, String label) {
    if (text == null) {
      return false;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off", "" -> false;
      default -> throw new InvalidInputException("INVALID_OPTION", label + " must be true or false",
          Map.of("option", label.substring(label.lastIndexOf(' ') + 1)), null);
    };
  }

  /** SQLite settings a URL may carry ({@code sqlite:app.db?journal_mode=DELETE}), checked here, applied on open. */
  public static final String SQLITE_JOURNAL_MODE = "journal_mode";
  /** See {@link #SQLITE_JOURNAL_MODE}: {@code OFF}, {@code NORMAL} (Cairn's default), {@code FULL}. */
  public static final String SQLITE_SYNCHRONOUS = "synchronous";
  /** See {@link #SQLITE_JOURNAL_MODE}: pages, or KiB when negative (Cairn's default is -16384, 16 MiB). */
  public static final String SQLITE_CACHE_SIZE = "cache_size";
  /**
   * See {@link #SQLITE_JOURNAL_MODE}: how many bytes of the file SQLite reads through a memory map (Cairn's default
   * is 1073741824, 1 GiB; {@code 0} reads with system calls only, as on a network file system, where an I/O error
   * under a map would end the process instead of failing one read).
   */
  public static final String SQLITE_MMAP_SIZE = "mmap_size";

  /** A SQLite setting's valid values, as a pattern and in the words its error message uses. */
  private record SqliteSetting(Pattern valid, String description) {
    SqliteSetting(String pattern, String description) {
      this(Pattern.compile(pattern), description);
    }
  }

  private static final Map<String, SqliteSetting> SQLITE_SETTINGS = Map.of(
      SQLITE_JOURNAL_MODE, new SqliteSetting("(?i)DELETE|TRUNCATE|PERSIST|MEMORY|WAL|OFF",
          "one of DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF"),
      SQLITE_SYNCHRONOUS, new SqliteSetting("(?i)OFF|NORMAL|FULL|[0-2]", "one of OFF, NORMAL, FULL, 0, 1, 2"),
      SQLITE_CACHE_SIZE, new SqliteSetting("-?\\d{1,9}", "a whole number of up to 9 digits (negative: KiB)"),
      SQLITE_MMAP_SIZE, new SqliteSetting("\\d{1,12}", "a whole number of bytes >= 0, up to 12 digits"));

  /**
   * The configuration the environment describes. Each setting has Cairn's name ({@code CAIRN_...}, which wins) and
   * the name the Modular framework, fastapi_best_architecture and similar Python services use:
   * <ul>
   *   <li>{@code CAIRN_DATABASE_URL}, else {@code DATABASE_URL}: the URL (required here);
   *   <li>{@code CAIRN_DATABASE_MAX_RETRIES} / {@code DATABASE_MAX_RETRIES}: retries after the first attempt
   *       ({@link RetryPolicy#maxAttempts()} is one more);
   *   <li>{@code CAIRN_DATABASE_CONNECTION_TIMEOUT} / {@code DATABASE_CONNECTION_TIMEOUT}:
   *       {@link #connectTimeout()}, seconds ({@code 30}) or a duration ({@code 500ms}, {@code PT30S}); on SQLite
   *       also the busy timeout;
   *   <li>{@code CAIRN_DATABASE_POOL_SIZE} / {@code DATABASE_POOL_SIZE}: {@link #poolSize()};
   *   <li>{@code CAIRN_DATABASE_MAX_OVERFLOW} / {@code DATABASE_MAX_OVERFLOW},
   *       {@code CAIRN_DATABASE_POOL_TIMEOUT} / {@code DATABASE_POOL_TIMEOUT},
   *       {@code CAIRN_DATABASE_POOL_RECYCLE} / {@code DATABASE_POOL_RECYCLE} (seconds or durations),
   *       {@code CAIRN_DATABASE_POOL_PRE_PING} / {@code DATABASE_POOL_PRE_PING},
   *       {@code CAIRN_DATABASE_ECHO} / {@code DATABASE_ECHO} ({@code true}/{@code false}): the
   *       {@link PoolSettings};
   *   <li>{@code CAIRN_SQLITE_JOURNAL_MODE} / {@code SQLITE_JOURNAL_MODE}, {@code ..._SYNCHRONOUS},
   *       {@code ..._CACHE_SIZE}, {@code ..._MMAP_SIZE}: the SQLite pragmas of every connection (ignored for other
   *       databases), as the URL options {@link #SQLITE_JOURNAL_MODE} etc.
   * </ul>
   * A variable overrides the URL option of the same setting.
   *
   * @throws InvalidInputException {@code MISSING_DATABASE_URL} without a URL, {@code INVALID_OPTION} (naming the
   *     variable) for a value that does not parse
   */
  public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
    String url = dev.cairn.core.StoreEnvironment.of(environment).configuredDatabaseUrl().orElseThrow(() ->
        new InvalidInputException("MISSING_DATABASE_URL", "set CAIRN_DATABASE_URL or DATABASE_URL"));
    StoreUrl parsed = parse(url);
    Map<String, String> params = new LinkedHashMap<>(parsed.params());
    if (parsed.kind() == StoreUrl.Kind.SQLITE) {
      for (String pragma : List.of(SQLITE_JOURNAL_MODE, SQLITE_SYNCHRONOUS, SQLITE_CACHE_SIZE, SQLITE_MMAP_SIZE)) {
        String[] set = variable(environment, "SQLITE_" + pragma.toUpperCase(Locale.ROOT));
        if (set != null) {
          SqliteSetting setting = SQLITE_SETTINGS.get(pragma);
          if (!setting.valid().matcher(set[1]).matches()) {
            throw new InvalidInputException("INVALID_OPTION", set[0] + " must be " + setting.description(),
                Map.of("option", set[0]), null);
          }
          params.put(pragma, set[1]);
        }
      }
    }
    StoreUrl withSettings = new StoreUrl(parsed.kind(), parsed.tls(), parsed.user(), parsed.password(),
        parsed.hosts(), parsed.path(), params);
    DatabaseConfig config = ofParsed(withSettings);
    String[] retries = variable(environment, "DATABASE_MAX_RETRIES");
    if (retries != null) {
      int count = integer(retries[1], retries[0], 0);
      config = config.withRetry(new RetryPolicy(count + 1, config.retry().baseDelay(), config.retry().maxDelay()));
    }
    String[] timeout = variable(environment, "DATABASE_CONNECTION_TIMEOUT");
    if (timeout != null) {
      config = config.withConnectTimeout(seconds(timeout));
    }
    String[] pool = variable(environment, "DATABASE_POOL_SIZE");
    if (pool != null) {
      config = config.withPoolSize(integer(pool[1], pool[0], 1));
    }
    PoolSettings settings = config.pool();
    String[] overflow = variable(environment, "DATABASE_MAX_OVERFLOW");
    if (overflow != null) {
      settings = settings.withMaxOverflow(integer(overflow[1], overflow[0], 0));
    }
    String[] poolTimeout = variable(environment, "DATABASE_POOL_TIMEOUT");
    if (poolTimeout != null) {
      settings = settings.withPoolTimeout(seconds(poolTimeout));
    }
    String[] recycle = variable(environment, "DATABASE_POOL_RECYCLE");
    if (recycle != null) {
      Duration lifetime = seconds(recycle);
      if (lifetime.compareTo(PoolSettings.MIN_RECYCLE) < 0) {
        throw new InvalidInputException("INVALID_OPTION", recycle[0]
            + " must be at least 30 seconds (HikariCP's minimum)", Map.of("option", recycle[0]), null);
      }
      settings = settings.withRecycle(lifetime);
    }
    String[] prePing = variable(environment, "DATABASE_POOL_PRE_PING");
    if (prePing != null) {
      boolean on = bool(prePing[1], prePing[0]);
      if (on && settings.recycle() != null && settings.recycle().compareTo(PoolSettings.KEEPALIVE) <= 0) {
        String named = recycle != null ? recycle[0] : "recycle";
        throw new InvalidInputException("INVALID_OPTION", named + " must be longer than 30 seconds when "
            + prePing[0] + " is on (the pre-ping interval)", Map.of("option", named), null);
      }
      settings = settings.withPrePing(on);
    }
    String[] echo = variable(environment, "DATABASE_ECHO");
    if (echo != null) {
      settings = settings.withEcho(bool(echo[1], echo[0]));
    }
    return config.withPool(settings);
  }

  /** {@code {name, value}} of {@code CAIRN_<name>}, else {@code <name>}, when set and not blank; else null. */
  private static String[] variable(Map<String, String> environment, String name) {
    for (String each : List.of("CAIRN_" + name, name)) {
      String value = environment.get(each);
      if (value != null && !value.isBlank()) {
        return new String[] {each, value.strip()};
      }
    }
    return null;
  }

  /** Whole seconds ({@code 30}) or a duration ({@code 500ms}, {@code PT30S}). */
  private static Duration seconds(String[] variable) {
    String text = variable[1].matches("\\d{1,9}") ? variable[1] + "s" : variable[1];
    return duration(text, variable[0], variable[0], null);
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
        Map.of("option", name.substring(name.lastIndexOf(' ') + 1)), null);
  }

  private static void checkSqliteSettings(StoreUrl url) {
    if (url.kind() != StoreUrl.Kind.SQLITE) {
      return;
    }
    SQLITE_SETTINGS.forEach((name, setting) -> {
      String value = url.params().get(name);
      if (value != null && !setting.valid().matcher(value).matches()) {
        throw new InvalidInputException("INVALID_OPTION", "SQLite option " + name + " must be "
            + setting.description(), Map.of("option", name), null);
      }
    });
  }

  /** Defaults as {@link #of(String)} for an already parsed SQL URL and a pool size. */
  public static DatabaseConfig of(StoreUrl url, int poolSize) {
    return new DatabaseConfig(url, poolSize, Duration.ofSeconds(5), DEFAULT_OPERATION_TIMEOUT, DEFAULT_QUERY_TIMEOUT,
        RetryPolicy.DEFAULT, 1000, Clock.systemUTC(), PoolSettings.DEFAULT);
  }

  public DatabaseConfig withPoolSize(int size) {
    return new DatabaseConfig(url, size, connectTimeout, operationTimeout, queryTimeout, retry, maxPageSize,
        clock, pool);
  }

  public DatabaseConfig withConnectTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, timeout, operationTimeout, queryTimeout, retry, maxPageSize, clock, pool);
  }

  /** The deadline of each call, retries included; see the class comment. */
  public DatabaseConfig withOperationTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, connectTimeout, timeout, queryTimeout, retry, maxPageSize, clock, pool);
  }

  /** The longest one statement may run; see the class comment. */
  public DatabaseConfig withQueryTimeout(Duration timeout) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, timeout, retry, maxPageSize, clock,
        pool);
  }

  public DatabaseConfig withRetry(RetryPolicy policy) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, policy, maxPageSize,
        clock, pool);
  }

  public DatabaseConfig withMaxPageSize(int size) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, retry, size, clock, pool);
  }

  /** Overflow, pool timeout, recycle, pre-ping and echo; see {@link PoolSettings}. */
  public DatabaseConfig withPool(PoolSettings settings) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, retry, maxPageSize,
        clock, settings);
  }

  public DatabaseConfig withClock(Clock newClock) {
    return new DatabaseConfig(url, poolSize, connectTimeout, operationTimeout, queryTimeout, retry, maxPageSize,
        newClock, pool);
  }
}
