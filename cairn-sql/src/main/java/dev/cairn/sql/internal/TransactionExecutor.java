package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs every call on the transaction's connection; multi-statement writes get a savepoint of their own. A failure
 * after which the database may have ended the whole transaction marks it aborted, and later calls are refused
 * (on SQLite they would otherwise run, and commit, outside any transaction).
 */
final class TransactionExecutor implements Executor {
  private final SqlContext context;
  private final OutermostTransaction transaction;
  private final boolean readOnly;
  private final Runnable openCheck;

  TransactionExecutor(SqlContext context, OutermostTransaction transaction, boolean readOnly, Runnable openCheck) {
    this.context = context;
    this.transaction = transaction;
    this.readOnly = readOnly;
    this.openCheck = openCheck;
  }

  @Override
  public <R> R read(SqlWork<R> work) throws SQLException {
    openCheck.run();
    return run(work);
  }

  @Override
  public <R> R cursor(SqlWork<R> work) throws SQLException {
    return read(work);
  }

  @Override
  public <R> R write(SqlWork<R> work) throws SQLException {
    refuseIfReadOnly();
    return run(work);
  }

  @Override
  public <R> R atomic(SqlWork<R> work) throws SQLException {
    refuseIfReadOnly();
    Savepoint savepoint = run(connection -> transaction.savepoint());
    try {
      R result = run(work);
      run(connection -> {
        context.control.release(connection, savepoint);
        return null;
      });
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      if (transaction.abortCause() == null) {
        try {
          context.control.rollbackTo(transaction.connection(), savepoint);
        } catch (SQLException rollbackFailure) {
          transaction.markAborted(rollbackFailure);
          e.addSuppressed(rollbackFailure);
        }
      }
      throw e;
    }
  }

  private <R> R run(SqlWork<R> work) throws SQLException {
    transaction.requireNotAborted();
    try {
      return context.statements.run(transaction.connection(), work);
    } catch (SQLException e) {
      transaction.noteFailure(e);
      throw e;
    }
  }

  private void refuseIfReadOnly() {
    openCheck.run();
    if (readOnly) {
      throw new InvalidInputException("READ_ONLY_TRANSACTION", "write refused inside a read-only transaction");
    }
  }

  @Override
  public boolean retriesStatements() {
    return false;
  }
}
