package dev.cairn.sql.internal;

import java.sql.SQLException;

/**
 * Runs statements for a session: on the database, each call borrows a connection for itself; in a transaction,
 * every call uses the transaction's connection.
 */
interface Executor {

  /** Runs read-only work. */
  <R> R read(SqlWork<R> work) throws SQLException;

  /**
   * Runs read-only work that reads a result set in pieces ({@code setFetchSize}): on PostgreSQL outside a
   * transaction it runs in a read-only transaction, since the driver fetches in pieces only there.
   */
  <R> R cursor(SqlWork<R> work) throws SQLException;

  /** Runs work of one write statement (atomic by itself). */
  <R> R write(SqlWork<R> work) throws SQLException;

  /** Runs work of several write statements so that either all of it is kept or none. */
  <R> R atomic(SqlWork<R> work) throws SQLException;

  /** Whether a failed statement may be re-run by the caller (only outside transactions). */
  boolean retriesStatements();
}
