package dev.cairn.sql;

/**
 * An open transaction, handed to the work function of {@link Session#transaction}. Tables and rows obtained from
 * it run on the transaction's connection; a nested {@link #transaction} is a savepoint. Valid only while the work
 * function runs and only on the thread that runs it.
 */
public interface Transaction extends Session {

  /** Marks the transaction so it rolls back at the end even if the work returns {@code Ok}. */
  void setRollbackOnly();

  boolean isReadOnly();
}
