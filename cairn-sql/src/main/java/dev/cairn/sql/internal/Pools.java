package dev.cairn.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.PoolSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** HikariCP helpers shared by the SQLite and server connection sources. */
final class Pools {
  private Pools() {}

  /**
   * Starts a pool, failing within {@code initializationFailTimeout} with UNAVAILABLE {@code DATABASE_UNAVAILABLE}
   * naming the redacted URL and the driver's reason.
   */
  static HikariDataSource start(HikariConfig config, StoreUrl url) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String reason = Redaction.scrub(String.valueOf(root.getMessage()), url);
      throw new UnavailableException("DATABASE_UNAVAILABLE",
          "cannot connect to " + url + ": " + reason.replace('\n', ' '), Map.of("url", url.toString()), e);
    }
  }

  /**
   * A connection from {@code pool}, waiting no longer than {@code deadline} allows (HikariCP's own connection
   * timeout is fixed per pool; the deadline is per call and shrinks as the call goes on). A free connection is
   * taken even when the deadline has passed: the deadline bounds waiting, not work.
   *
   * @throws UnavailableException {@code DEADLINE_EXCEEDED}, naming the pool's counts, when none became free in time
   * @throws SQLException HikariCP's exception when connections could not be made (its cause says why)
   */
  static Connection borrow(HikariDataSource pool, Deadline deadline, Duration poolTimeout) throws SQLException {
    SQLTransientConnectionException timeout;
    long remaining = deadline.remainingMillis();
    boolean poolTimeoutFirst = poolTimeout != null && poolTimeout.toMillis() < remaining;
    try {
      return pool.getHikariPoolMXBean() instanceof HikariPool hikari
          ? hikari.getConnection(poolTimeoutFirst ? poolTimeout.toMillis() : remaining) : pool.getConnection();
    } catch (SQLTransientConnectionException e) {
      if (e.getCause() != null) {
        throw e;
      }
      timeout = e;
    }
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operationTimeoutMillis", deadline.budgetMillis());
    details.put("pool", pool.getPoolName());
    String state = "";
    if (bean != null) {
      details.put("total", bean.getTotalConnections());
      details.put("active", bean.getActiveConnections());
      details.put("idle", bean.getIdleConnections());
      details.put("waiting", bean.getThreadsAwaitingConnection());
      state = " (total=" + bean.getTotalConnections() + ", active=" + bean.getActiveConnections() + ", idle="
          + bean.getIdleConnections() + ", waiting=" + bean.getThreadsAwaitingConnection() + ")";
    }
    if (poolTimeoutFirst) {
      details.put("poolTimeoutMillis", poolTimeout.toMillis());
      throw new UnavailableException("POOL_TIMEOUT", "no connection of pool " + pool.getPoolName()
          + " became free within the " + poolTimeout.toMillis() + " ms pool timeout" + state
          + "; nothing was written", details, timeout);
    }
    throw new UnavailableException("DEADLINE_EXCEEDED", "no connection of pool " + pool.getPoolName()
        + " became free within the " + deadline.budgetMillis() + " ms operation timeout" + state
        + "; nothing was written", details, timeout);
  }

  /**
   * Sizes a pool as the configuration says: at most {@code size + maxOverflow} connections, keeping up to two
   * idle; recycled after {@link PoolSettings#recycle()} when set; kept alive when {@link PoolSettings#prePing()}.
   */
  static void size(HikariConfig hikari, DatabaseConfig config, int size) {
    PoolSettings settings = config.pool();
    hikari.setMaximumPoolSize(size + settings.maxOverflow());
    hikari.setMinimumIdle(Math.min(2, size));
    if (settings.recycle() != null) {
      hikari.setMaxLifetime(settings.recycle().toMillis());
      // HikariCP wants idle connections retired before their lifetime ends (else it warns and keeps them).
      hikari.setIdleTimeout(Math.min(hikari.getIdleTimeout(), settings.recycle().toMillis() - 10_000));
    }
    if (settings.prePing()) {
      hikari.setKeepaliveTime(PoolSettings.KEEPALIVE.toMillis());
    }
  }

  static Connections.PoolCounts counts(HikariDataSource dataSource) {
    HikariPoolMXBean bean = dataSource.getHikariPoolMXBean();
    if (bean == null) {
      return new Connections.PoolCounts(0, 0, 0);
    }
    return new Connections.PoolCounts(
        bean.getActiveConnections(), bean.getIdleConnections(), bean.getThreadsAwaitingConnection());
  }
}
