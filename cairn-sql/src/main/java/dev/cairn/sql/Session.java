package dev.cairn.sql;

import dev.cairn.core.Result;
import java.util.function.Function;

/**
 * Where tables and rows are used: the {@link Database} itself (each call runs in its own short transaction) or
 * an open {@link Transaction} (calls join it).
 */
public interface Session {

  /** Typed access to the table of record type {@code type}; see {@link Table}. */
  <T extends Record> Table<T> table(Class<T> type);

  /** Dynamic access to an existing table by name; see {@link Rows}. Unknown tables fail on first use. */
  Rows rows(String table);

  /**
   * Runs one SQL statement written by the developer (DDL or DML), with {@code params} bound to its {@code ?}
   * placeholders, in this session (its own short transaction on the database, or the open transaction). For
   * trusted SQL only: never build {@code sql} from outside input; outside values go in {@code params}. Errors are
   * translated like every other operation (DUPLICATE {@code DUPLICATE_KEY}, INVALID, UNAVAILABLE, ...); a blank
   * statement is INVALID {@code EMPTY_SQL}, a text parameter with a lone UTF-16 surrogate INVALID
   * {@code INVALID_UNICODE} (see {@link Table}). Transient conflicts are retried outside transactions.
   *
   * @return the update count, 0 for statements that have none
   */
  Result<Integer> execute(String sql, Object... params);

  /**
   * Runs {@code work} in a transaction (a savepoint when this session is already a transaction) and commits when
   * it returns an {@code Ok}. It rolls back when {@code work} returns a {@code Failure}, throws a
   * {@link dev.cairn.core.CairnException} (returned as the matching Failure), or throws anything else (rethrown
   * after the rollback).
   *
   * <p>When the database reports a transient conflict (SQLite busy/locked, PostgreSQL 40001/40P01, MySQL 1213)
   * the whole of {@code work} runs again after a jittered exponential backoff, bounded by the database's
   * {@link RetryPolicy}; {@code work} must therefore not have side effects outside the database. Retries happen
   * only for the outermost transaction; after the last attempt the result is CONFLICT {@code RETRIES_EXHAUSTED}.
   */
  <R> Result<R> transaction(Function<Transaction, Result<R>> work);

  /** Like {@link #transaction} but read-only: writes inside it fail. On SQLite it runs on the read pool. */
  <R> Result<R> readOnlyTransaction(Function<Transaction, Result<R>> work);
}
