package dev.cairn.sql;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import java.util.Map;

/**
 * Connection pool settings beyond {@link DatabaseConfig#poolSize()}, as SQLAlchemy's {@code create_engine} takes
 * them (and the services Cairn replaces pass them on): set by URL option, environment variable or
 * {@link DatabaseConfig#withPool}.
 *
 * @param maxOverflow connections allowed beyond the pool size under load: HikariCP's maximum is
 *     {@code poolSize + maxOverflow} (SQLAlchemy {@code max_overflow}); on a SQLite file it widens the read pool
 *     (the writer stays one connection), {@code sqlite::memory:} keeps its one connection
 * @param poolTimeout how long a call waits for a free connection before failing UNAVAILABLE {@code POOL_TIMEOUT}
 *     (SQLAlchemy {@code pool_timeout}); {@code null}: as long as the call's operation timeout allows
 * @param recycle the longest a connection lives before the pool replaces it (SQLAlchemy {@code pool_recycle},
 *     HikariCP {@code maxLifetime}); at least 30 s, HikariCP's minimum, and longer than 30 s with {@code prePing};
 *     {@code null}: HikariCP's 30 minutes on servers, never on SQLite (never on {@code sqlite::memory:} at all)
 * @param prePing whether idle connections are checked in the background every 30 s (HikariCP
 *     {@code keepaliveTime}; its default is 2 minutes) so that a dead one is replaced before a call takes it
 *     (SQLAlchemy {@code pool_pre_ping}); HikariCP also checks a connection idle for more than half a second when
 *     it is taken, whatever this says
 * @param echo whether every statement is logged at DEBUG on logger {@code dev.cairn.sql.echo} (SQLAlchemy
 *     {@code echo}); bound values are never logged (only their count) and literals in the SQL text are masked
 */
public record PoolSettings(int maxOverflow, Duration poolTimeout, Duration recycle, boolean prePing, boolean echo) {
  /** No overflow, no pool timeout of its own, HikariCP's lifetime and keepalive, no echo. */
  public static final PoolSettings DEFAULT = new PoolSettings(0, null, null, false, false);
  /** HikariCP refuses a shorter {@code maxLifetime} or {@code keepaliveTime}. */
  public static final Duration MIN_RECYCLE = Duration.ofSeconds(30);
  /** The keepalive interval when {@link #prePing()} is on. */
  public static final Duration KEEPALIVE = Duration.ofSeconds(30);

  /**
   * Validates the settings.
   *
   * @throws InvalidInputException {@code INVALID_OPTION} for a negative overflow, a pool timeout that is not
   *     positive, a recycle below {@link #MIN_RECYCLE}, or with {@code prePing} a recycle not longer than
   *     {@link #KEEPALIVE}
   */
  public PoolSettings {
    if (maxOverflow < 0) {
      throw invalid("maxOverflow", "maxOverflow must be >= 0, was " + maxOverflow);
    }
    if (poolTimeout != null && (poolTimeout.isNegative() || poolTimeout.isZero())) {
      throw invalid("poolTimeout", "poolTimeout must be positive, was " + poolTimeout);
    }
    if (recycle != null && recycle.compareTo(MIN_RECYCLE) < 0) {
      throw invalid("recycle", "recycle must be at least 30s (HikariCP's minimum maxLifetime), was " + recycle);
    }
    if (prePing && recycle != null && recycle.compareTo(KEEPALIVE) <= 0) {
      // HikariCP turns keepalive off, with only a log line, when it would not come before the connection's end.
      throw invalid("recycle", "recycle must be longer than 30s (the pre-ping interval) when prePing is on, was "
          + recycle);
    }
  }

  private static InvalidInputException invalid(String option, String message) {
    return new InvalidInputException("INVALID_OPTION", message, Map.of("option", option), null);
  }

  public PoolSettings withMaxOverflow(int overflow) {
    return new PoolSettings(overflow, poolTimeout, recycle, prePing, echo);
  }

  public PoolSettings withPoolTimeout(Duration timeout) {
    return new PoolSettings(maxOverflow, timeout, recycle, prePing, echo);
  }

  public PoolSettings withRecycle(Duration lifetime) {
    return new PoolSettings(maxOverflow, poolTimeout, lifetime, prePing, echo);
  }

  public PoolSettings withPrePing(boolean on) {
    return new PoolSettings(maxOverflow, poolTimeout, recycle, on, echo);
  }

  public PoolSettings withEcho(boolean on) {
    return new PoolSettings(maxOverflow, poolTimeout, recycle, prePing, on);
  }
}
