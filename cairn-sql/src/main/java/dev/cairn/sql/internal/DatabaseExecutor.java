package dev.cairn.sql.internal;

import dev.cairn.core.UnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database-level executor: reads on a reader, single writes in auto-commit on the writer (SQLite: the one
 * writer connection), multi-statement writes in a short transaction on the writer. Connections are borrowed
 * within the call's {@link Deadline}.
 *
 * <p>An auto-commit write whose connection breaks while it runs may or may not have been applied: it fails with
 * UNAVAILABLE {@code OUTCOME_UNKNOWN}, which is never retried. Reads and multi-statement writes (nothing is
 * committed before their COMMIT) report a lost connection as {@code DATABASE_UNAVAILABLE}, which is.
 */
final class DatabaseExecutor implements Executor {
  private final SqlContext context;

  DatabaseExecutor(SqlContext context) {
    this.context = context;
  }

  @Override
  public <R> R read(SqlWork<R> work) throws SQLException {
    context.requireOpen();
    try (Connection connection = context.connections.reader(Deadline.current(context.config))) {
      return context.statements.run(connection, work);
    }
  }

  @Override
  public <R> R cursor(SqlWork<R> work) throws SQLException {
    if (context.dialect != dev.cairn.sql.Dialect.POSTGRESQL) {
      return read(work);
    }
    context.requireOpen();
    try (OutermostTransaction transaction = OutermostTransaction.begin(context, true)) {
      R result;
      try {
        result = context.statements.run(transaction.connection(), work);
      } catch (SQLException | RuntimeException | Error e) {
        transaction.rollback(e);
        throw e;
      }
      transaction.commit();
      return result;
    }
  }

  @Override
  public <R> R write(SqlWork<R> work) throws SQLException {
    context.requireOpen();
    try (Connection connection = context.connections.writer(Deadline.current(context.config))) {
      try {
        return context.statements.run(connection, work);
      } catch (SQLException e) {
        if (context.errors.isConnectionLoss(e)) {
          Map<String, Object> details = new LinkedHashMap<>();
          if (e.getSQLState() != null) {
            details.put("sqlState", e.getSQLState());
          }
          throw new UnavailableException("OUTCOME_UNKNOWN", "the connection broke while the write was running: it"
              + " may or may not have been applied; it is not retried", details, e);
        }
        throw e;
      }
    }
  }

  @Override
  public <R> R atomic(SqlWork<R> work) throws SQLException {
    context.requireOpen();
    try (OutermostTransaction transaction = OutermostTransaction.begin(context, false)) {
      R result;
      try {
        result = context.statements.run(transaction.connection(), work);
      } catch (SQLException | RuntimeException | Error e) {
        transaction.rollback(e);
        throw e;
      }
      transaction.commit();
      return result;
    }
  }

  @Override
  public boolean retriesStatements() {
    return true;
  }
}
