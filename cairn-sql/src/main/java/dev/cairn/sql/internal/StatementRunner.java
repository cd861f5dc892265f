package dev.cairn.sql.internal;

import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work on a connection for both executors: on SQLite it arms the statement timer
 * ({@link SqliteQueryTimeout}) around the work, and after a failure it forgets the connection's cached
 * statements ({@link StatementCache#evict}). Servers bound statements with session settings instead (see
 * {@link ServerConnections}).
 */
final class StatementRunner {
  private final boolean sqlite;
  private final long queryTimeoutMillis;
  private final java.time.Clock clock;

  StatementRunner(Dialect dialect, DatabaseConfig config) {
    this.sqlite = dialect == Dialect.SQLITE;
    this.queryTimeoutMillis = config.queryTimeout().toMillis();
    this.clock = config.clock();
  }

  <R> R run(Connection connection, SqlWork<R> work) throws SQLException {
    long outer = sqlite ? SqliteQueryTimeout.arm(clock.millis() + queryTimeoutMillis) : 0;
    try {
      return work.run(connection);
    } catch (SQLException e) {
      StatementCache.evict(connection, e);
      throw e;
    } finally {
      if (sqlite) {
        SqliteQueryTimeout.restore(outer);
      }
    }
  }
}
