package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database-level executor: reads on a reader, single writes in auto-commit on the writer (SQLite: the one
 * writer connection), multi-statement writes in a short transaction on the writer.
 */
final class DatabaseExecutor implements Executor {
  private final Connections connections;
  private final Runnable openCheck;

  DatabaseExecutor(Connections connections, Runnable openCheck) {
    this.connections = connections;
    this.openCheck = openCheck;
  }

  @Override
  public <R> R read(SqlWork<R> work) throws SQLException {
    openCheck.run();
    try (Connection connection = connections.reader()) {
      return runEvictingOnFailure(connection, work);
    }
  }

  @Override
  public <R> R write(SqlWork<R> work) throws SQLException {
    openCheck.run();
    try (Connection connection = connections.writer()) {
      return runEvictingOnFailure(connection, work);
    }
  }

  static <R> R runEvictingOnFailure(Connection connection, SqlWork<R> work) throws SQLException {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      StatementCache.evict(connection, e);
      throw e;
    }
  }

  @Override
  public <R> R atomic(SqlWork<R> work) throws SQLException {
    openCheck.run();
    try (Connection connection = connections.writer()) {
      connection.setAutoCommit(false);
      try {
        R result = runEvictingOnFailure(connection, work);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Rolls back; a rollback failure is attached to the original failure rather than replacing it. */
  static void rollbackQuietly(Connection connection, Throwable original) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      original.addSuppressed(rollbackFailure);
    }
  }

  @Override
  public boolean retriesStatements() {
    return true;
  }
}
