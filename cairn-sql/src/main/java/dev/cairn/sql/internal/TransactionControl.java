package dev.cairn.sql.internal;

import dev.cairn.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * How a transaction begins and ends on one dialect's connections.
 *
 * <p>Servers use the JDBC calls. SQLite is driven with explicit statements on a connection that stays in JDBC
 * auto-commit mode, because sqlite-jdbc's own transaction calls do more than they say: {@code setAutoCommit(false)}
 * marks the connection as in a transaction before its {@code BEGIN} runs, so a refused BEGIN (another process holds
 * the lock) left the connection marked and the next "transaction" on it ran without one; {@code commit()} and
 * {@code rollback()} run {@code BEGIN} again right after {@code COMMIT}/{@code ROLLBACK}, which fails "busy" when
 * another process takes the lock in between, after the commit succeeded; {@code setSavepoint()} leaves auto-commit
 * mode on its own. With explicit {@code BEGIN IMMEDIATE}, {@code COMMIT}, {@code ROLLBACK} and {@code SAVEPOINT}
 * statements nothing runs that Cairn did not ask for, and a refused BEGIN leaves the connection as it was.
 */
abstract sealed class TransactionControl {

  /**
   * The control for a dialect; {@code readersQueryOnly} tells whether SQLite read connections refuse writes by
   * themselves (file databases) or need {@code query_only} switched on for a read-only transaction (memory).
   */
  static TransactionControl of(Dialect dialect, boolean readersQueryOnly) {
    return dialect == Dialect.SQLITE ? new Sqlite(!readersQueryOnly) : new Jdbc();
  }

  /** Starts a transaction; a read-only one refuses writes. */
  abstract void begin(Connection connection, boolean readOnly) throws SQLException;

  abstract void commit(Connection connection) throws SQLException;

  abstract void rollback(Connection connection) throws SQLException;

  /** Marks a point inside the open transaction to roll back to; {@code number} is unique within the transaction. */
  abstract Savepoint savepoint(Connection connection, int number) throws SQLException;

  abstract void release(Connection connection, Savepoint savepoint) throws SQLException;

  abstract void rollbackTo(Connection connection, Savepoint savepoint) throws SQLException;

  /** Returns the connection to auto-commit (and read-write) after the transaction ended or failed to begin. */
  abstract void end(Connection connection, boolean readOnly) throws SQLException;

  /** Server dialects: the driver's transaction calls. */
  static final class Jdbc extends TransactionControl {
    @Override
    void begin(Connection connection, boolean readOnly) throws SQLException {
      if (readOnly) {
        connection.setReadOnly(true);
      }
      connection.setAutoCommit(false);
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      connection.rollback();
    }

    @Override
    Savepoint savepoint(Connection connection, int number) throws SQLException {
      return connection.setSavepoint();
    }

    @Override
    void release(Connection connection, Savepoint savepoint) throws SQLException {
      connection.releaseSavepoint(savepoint);
    }

    @Override
    void rollbackTo(Connection connection, Savepoint savepoint) throws SQLException {
      connection.rollback(savepoint);
    }

    @Override
    void end(Connection connection, boolean readOnly) throws SQLException {
      connection.setAutoCommit(true);
      if (readOnly) {
        connection.setReadOnly(false);
      }
    }
  }

  /** SQLite: explicit statements; see the class comment. */
  static final class Sqlite extends TransactionControl {
    private final boolean toggleQueryOnly;

    Sqlite(boolean toggleQueryOnly) {
      this.toggleQueryOnly = toggleQueryOnly;
    }

    @Override
    void begin(Connection connection, boolean readOnly) throws SQLException {
      if (!readOnly) {
        // IMMEDIATE takes the write lock now, so a write never fails later on upgrading a read lock.
        execute(connection, "BEGIN IMMEDIATE");
        return;
      }
      if (toggleQueryOnly) {
        execute(connection, "PRAGMA query_only = 1");
      }
      execute(connection, "BEGIN");
    }

    @Override
    void commit(Connection connection) throws SQLException {
      execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      execute(connection, "ROLLBACK");
    }

    @Override
    Savepoint savepoint(Connection connection, int number) throws SQLException {
      Named savepoint = new Named(number);
      execute(connection, "SAVEPOINT " + savepoint.getSavepointName());
      return savepoint;
    }

    @Override
    void release(Connection connection, Savepoint savepoint) throws SQLException {
      execute(connection, "RELEASE " + savepoint.getSavepointName());
    }

    @Override
    void rollbackTo(Connection connection, Savepoint savepoint) throws SQLException {
      // ROLLBACK TO keeps the savepoint on SQLite's stack; the nested scope is over, so release it as well.
      execute(connection, "ROLLBACK TO " + savepoint.getSavepointName());
      execute(connection, "RELEASE " + savepoint.getSavepointName());
    }

    @Override
    void end(Connection connection, boolean readOnly) throws SQLException {
      if (readOnly && toggleQueryOnly) {
        execute(connection, "PRAGMA query_only = 0");
      }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    /** A savepoint named by its number within the transaction. */
    private record Named(int number) implements Savepoint {
      @Override
      public int getSavepointId() {
        return number;
      }

      @Override
      public String getSavepointName() {
        return "cairn_" + number;
      }
    }
  }
}
