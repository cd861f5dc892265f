package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database-level executor: reads on a reader, single writes in auto-commit on the writer (SQLite: the one
 * writer connection), multi-statement writes in a short transaction on the writer.
 */
final class DatabaseExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseExecutor.class);

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
    Connection connection = connections.writer();
    boolean evicted = false;
    try {
      connection.setAutoCommit(false);
      try {
        R result = runEvictingOnFailure(connection, work);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        evicted = !backToAutoCommit(connection);
      }
    } finally {
      if (!evicted) {
        connection.close();
      }
    }
  }

  /** False when the connection could not leave its transaction state and was evicted (and closed) instead. */
  private boolean backToAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      LOG.warn("evicting a writer connection that could not return to auto-commit", e);
      connections.evict(connection, false);
      return false;
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
