package dev.cairn.sql.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs transaction work: commit on Ok, rollback on Failure or exception (CairnExceptions become their Failure,
 * other exceptions are rethrown after the rollback), retry of the whole work on transient conflicts for the
 * outermost transaction, savepoints for nested ones.
 */
final class TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

  private TransactionRunner() {}

  static <R> Result<R> outermost(SqlContext context, boolean readOnly, Function<Transaction, Result<R>> work) {
    return context.withRetry(() -> attempt(context, readOnly, work));
  }

  private static <R> Result<R> attempt(SqlContext context, boolean readOnly, Function<Transaction, Result<R>> work) {
    try {
      context.requireOpen();
      Connection connection = readOnly ? context.connections.reader() : context.connections.writer();
      boolean evicted = false;
      try {
        boolean toggleQueryOnly = readOnly && context.dialect == Dialect.SQLITE
            && !context.connections.readersAreReadOnly();
        begin(connection, readOnly, toggleQueryOnly);
        try {
          return runAndFinish(context, connection, readOnly, toggleQueryOnly, work);
        } finally {
          evicted = !end(context, connection, readOnly);
        }
      } finally {
        // An evicted connection is closed by the pool already; closing its proxy again would fail.
        if (!evicted) {
          connection.close();
        }
      }
    } catch (SQLException e) {
      return context.errors.translate(e, null);
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  private static <R> Result<R> runAndFinish(SqlContext context, Connection connection, boolean readOnly,
      boolean toggleQueryOnly, Function<Transaction, Result<R>> work) throws SQLException {
    SqlTransaction transaction = new SqlTransaction(context, connection, readOnly);
    Result<R> result;
    try {
      try {
        result = work.apply(transaction);
      } finally {
        transaction.close();
        if (toggleQueryOnly) {
          // sqlite-jdbc runs the next BEGIN IMMEDIATE right after COMMIT/ROLLBACK, which query_only refuses.
          queryOnly(connection, false);
        }
      }
    } catch (CairnException e) {
      DatabaseExecutor.rollbackQuietly(connection, e);
      return Result.failure(e);
    } catch (RuntimeException | Error e) {
      DatabaseExecutor.rollbackQuietly(connection, e);
      throw e;
    }
    if (result == null) {
      connection.rollback();
      throw new IllegalStateException("transaction work returned null instead of a Result");
    }
    if (result.isOk() && !transaction.isRollbackOnly()) {
      connection.commit();
    } else if (result instanceof Result.Failure<R> failure) {
      rollbackKeepingFailure(connection, failure);
    } else {
      connection.rollback();
    }
    return result;
  }

  private static void begin(Connection connection, boolean readOnly, boolean toggleQueryOnly) throws SQLException {
    if (readOnly && !connection.getMetaData().getURL().startsWith("jdbc:sqlite")) {
      connection.setReadOnly(true);
    }
    // On the SQLite writer, leaving auto-commit runs BEGIN IMMEDIATE, which query_only would refuse: switch after.
    connection.setAutoCommit(false);
    if (toggleQueryOnly) {
      queryOnly(connection, true);
    }
  }

  private static void queryOnly(Connection connection, boolean on) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(on ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
    }
  }

  /**
   * The work's failure is what the caller needs to see (and what decides a retry), so a rollback failure is
   * attached to it rather than replacing it. sqlite-jdbc, for one, begins the next transaction right after
   * ROLLBACK, which fails while another process holds the lock.
   */
  private static void rollbackKeepingFailure(Connection connection, Result.Failure<?> failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (failure.cause() != null) {
        failure.cause().addSuppressed(e);
      } else {
        LOG.warn("rollback after the failure {} failed as well", failure, e);
      }
    }
  }

  /**
   * Returns the connection to auto-commit. When that fails (sqlite-jdbc's COMMIT of a transaction it failed to
   * begin), the connection is in an unknown state and is evicted from its pool instead of being reused.
   *
   * @return false when the connection was evicted
   */
  private static boolean end(SqlContext context, Connection connection, boolean readOnly) throws SQLException {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("evicting a {} connection that could not return to auto-commit", context.dialect, e);
      context.connections.evict(connection, readOnly);
      return false;
    }
    if (readOnly && !connection.getMetaData().getURL().startsWith("jdbc:sqlite")) {
      connection.setReadOnly(false);
    }
    return true;
  }

  /** A savepoint inside {@code connection}'s transaction; no retry (only the outermost transaction retries). */
  static <R> Result<R> nested(SqlContext context, Connection connection, boolean readOnly,
      Function<Transaction, Result<R>> work) {
    Savepoint savepoint;
    try {
      savepoint = connection.setSavepoint();
    } catch (SQLException e) {
      return context.errors.translate(e, null);
    }
    SqlTransaction transaction = new SqlTransaction(context, connection, readOnly);
    try {
      Result<R> result = work.apply(transaction);
      if (result != null && result.isOk() && !transaction.isRollbackOnly()) {
        connection.releaseSavepoint(savepoint);
      } else {
        connection.rollback(savepoint);
      }
      if (result == null) {
        throw new IllegalStateException("transaction work returned null instead of a Result");
      }
      return result;
    } catch (CairnException e) {
      rollbackTo(connection, savepoint, e);
      return Result.failure(e);
    } catch (SQLException e) {
      rollbackTo(connection, savepoint, e);
      return context.errors.translate(e, null);
    } catch (RuntimeException | Error e) {
      rollbackTo(connection, savepoint, e);
      throw e;
    } finally {
      transaction.close();
    }
  }

  private static void rollbackTo(Connection connection, Savepoint savepoint, Throwable original) {
    try {
      connection.rollback(savepoint);
    } catch (SQLException e) {
      original.addSuppressed(e);
    }
  }
}
