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

/**
 * Runs transaction work: commit on Ok, rollback on Failure or exception (CairnExceptions become their Failure,
 * other exceptions are rethrown after the rollback), retry of the whole work on transient conflicts for the
 * outermost transaction, savepoints for nested ones.
 */
final class TransactionRunner {
  private TransactionRunner() {}

  static <R> Result<R> outermost(SqlContext context, boolean readOnly, Function<Transaction, Result<R>> work) {
    return context.withRetry(() -> attempt(context, readOnly, work));
  }

  private static <R> Result<R> attempt(SqlContext context, boolean readOnly, Function<Transaction, Result<R>> work) {
    try {
      context.requireOpen();
      try (Connection connection = readOnly ? context.connections.reader() : context.connections.writer()) {
        boolean toggleQueryOnly = readOnly && context.dialect == Dialect.SQLITE
            && !context.connections.readersAreReadOnly();
        begin(connection, readOnly, toggleQueryOnly);
        try {
          return runAndFinish(context, connection, readOnly, work);
        } finally {
          end(connection, readOnly, toggleQueryOnly);
        }
      }
    } catch (SQLException e) {
      return context.errors.translate(e, null);
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  private static <R> Result<R> runAndFinish(SqlContext context, Connection connection, boolean readOnly,
      Function<Transaction, Result<R>> work) throws SQLException {
    SqlTransaction transaction = new SqlTransaction(context, connection, readOnly);
    Result<R> result;
    try {
      result = work.apply(transaction);
    } catch (CairnException e) {
      DatabaseExecutor.rollbackQuietly(connection, e);
      return Result.failure(e);
    } catch (RuntimeException | Error e) {
      DatabaseExecutor.rollbackQuietly(connection, e);
      throw e;
    } finally {
      transaction.close();
    }
    if (result == null) {
      connection.rollback();
      throw new IllegalStateException("transaction work returned null instead of a Result");
    }
    if (result.isOk() && !transaction.isRollbackOnly()) {
      connection.commit();
    } else {
      connection.rollback();
    }
    return result;
  }

  private static void begin(Connection connection, boolean readOnly, boolean toggleQueryOnly) throws SQLException {
    if (toggleQueryOnly) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only = 1");
      }
    } else if (readOnly && !connection.getMetaData().getURL().startsWith("jdbc:sqlite")) {
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
  }

  private static void end(Connection connection, boolean readOnly, boolean toggleQueryOnly) throws SQLException {
    connection.setAutoCommit(true);
    if (toggleQueryOnly) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only = 0");
      }
    } else if (readOnly && !connection.getMetaData().getURL().startsWith("jdbc:sqlite")) {
      connection.setReadOnly(false);
    }
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
