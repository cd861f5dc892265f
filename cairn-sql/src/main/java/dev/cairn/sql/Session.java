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
   * {@code INVALID_UNICODE} (see {@link Table}). Outside a transaction the statement runs in a transaction of its
   * own, retried as {@link #transaction} is (so a failure at its COMMIT may be UNAVAILABLE
   * {@code COMMIT_OUTCOME_UNKNOWN}; see <a href="Database.html#outcomes">what failures say</a>).
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
   * <p>When the database reports a transient conflict (SQLite busy/locked, PostgreSQL 40001/40P01/55P03, MySQL
   * 1213/1205), or the connection is lost before COMMIT is sent (UNAVAILABLE {@code DATABASE_UNAVAILABLE}), nothing
   * was committed and the whole of {@code work} runs again on a fresh connection after a jittered exponential
   * backoff, bounded by the database's {@link RetryPolicy} and its
   * {@linkplain DatabaseConfig#operationTimeout() operation timeout}; {@code work} must therefore not have side
   * effects outside the database. Retries happen only for the outermost transaction; after the last attempt the
   * result is CONFLICT {@code RETRIES_EXHAUSTED} (or the UNAVAILABLE failure), and when the deadline leaves no room
   * for another attempt, UNAVAILABLE {@code DEADLINE_EXCEEDED} (deadlocks and serialization failures are retried
   * past the deadline while attempts remain: they are conflicts the database resolved, not waits).
   *
   * <p>A failure of COMMIT itself is reported as the database gave it (the transaction was not committed), except
   * when the connection broke while COMMIT was on its way: then the transaction may or may not have been
   * committed, and the result is UNAVAILABLE {@code COMMIT_OUTCOME_UNKNOWN}, never retried. An {@code Ok} means
   * committed. See <a href="Database.html#outcomes">what failures say</a>.
   *
   * <p>When a statement fails in a way that ends the whole transaction in the database (a lost connection; on
   * SQLite an interrupted, busy or I/O failure; a MariaDB deadlock), later calls in {@code work} fail with INVALID
   * {@code TRANSACTION_ABORTED}, and the transaction rolls back even if {@code work} returns {@code Ok}.
   */
  <R> Result<R> transaction(Function<Transaction, Result<R>> work);

  /** Like {@link #transaction} but read-only: writes inside it fail. On SQLite it runs on the read pool. */
  <R> Result<R> readOnlyTransaction(Function<Transaction, Result<R>> work);
}
