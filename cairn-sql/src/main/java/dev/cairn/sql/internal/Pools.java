package dev.cairn.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
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

  static Connections.PoolCounts counts(HikariDataSource dataSource) {
    HikariPoolMXBean bean = dataSource.getHikariPoolMXBean();
    if (bean == null) {
      return new Connections.PoolCounts(0, 0, 0);
    }
    return new Connections.PoolCounts(
        bean.getActiveConnections(), bean.getIdleConnections(), bean.getThreadsAwaitingConnection());
  }
}
