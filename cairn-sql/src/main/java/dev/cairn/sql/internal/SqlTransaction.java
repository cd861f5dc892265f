package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Table;
import dev.cairn.sql.Transaction;
import java.util.function.Function;

/** An open transaction on one connection; valid while its work function runs. Not thread-safe by contract. */
final class SqlTransaction extends RawSession implements Transaction {
  private final OutermostTransaction outermost;
  private final boolean readOnly;
  private final TransactionExecutor executor;
  private boolean rollbackOnly;
  private boolean closed;

  SqlTransaction(SqlContext context, OutermostTransaction outermost, boolean readOnly) {
    super(context);
    this.outermost = outermost;
    this.readOnly = readOnly;
    this.executor = new TransactionExecutor(context, outermost, readOnly, this::requireOpen);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the transaction has ended; use it only inside its work function");
    }
  }

  void close() {
    closed = true;
  }

  @Override
  public <T extends Record> Table<T> table(Class<T> type) {
    return new TypedTable<>(context, context.mapping(type), executor);
  }

  @Override
  Executor executor() {
    requireOpen();
    return executor;
  }

  @Override
  public Rows rows(String table) {
    return new DynamicRows(context, table, executor);
  }

  @Override
  public <R> Result<R> transaction(Function<Transaction, Result<R>> work) {
    requireOpen();
    return TransactionRunner.nested(context, outermost, readOnly, work);
  }

  @Override
  public <R> Result<R> readOnlyTransaction(Function<Transaction, Result<R>> work) {
    requireOpen();
    return TransactionRunner.nested(context, outermost, true, work);
  }

  @Override
  public void setRollbackOnly() {
    rollbackOnly = true;
  }

  boolean isRollbackOnly() {
    return rollbackOnly;
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }
}
