package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/** Runs every call on the transaction's connection; multi-statement writes get a savepoint of their own. */
final class TransactionExecutor implements Executor {
  private final Connection connection;
  private final boolean readOnly;
  private final Runnable openCheck;

  TransactionExecutor(Connection connection, boolean readOnly, Runnable openCheck) {
    this.connection = connection;
    this.readOnly = readOnly;
    this.openCheck = openCheck;
  }

  @Override
  public <R> R read(SqlWork<R> work) throws SQLException {
    openCheck.run();
    return DatabaseExecutor.runEvictingOnFailure(connection, work);
  }

  @Override
  public <R> R write(SqlWork<R> work) throws SQLException {
    refuseIfReadOnly();
    return DatabaseExecutor.runEvictingOnFailure(connection, work);
  }

  @Override
  public <R> R atomic(SqlWork<R> work) throws SQLException {
    refuseIfReadOnly();
    Savepoint savepoint = connection.setSavepoint();
    try {
      R result = DatabaseExecutor.runEvictingOnFailure(connection, work);
      connection.releaseSavepoint(savepoint);
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback(savepoint);
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
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
