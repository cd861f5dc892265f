package dev.cairn.sql;

import dev.cairn.core.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
   * Runs a query written by the developer (any SELECT: joins, aggregates, CTEs) with {@code params} bound to its
   * {@code ?} placeholders, and returns all its rows (for large results use {@link #stream}). Trusted SQL only, as
   * for {@link #execute}; errors are translated the same way, and outside a transaction a transient failure is
   * retried within the operation timeout. Values are normalized as {@link Row} describes. A query is one
   * statement: on PostgreSQL, whose driver would run every statement of the text, several are INVALID
   * {@code MULTIPLE_STATEMENTS} (for {@link #stream} too).
   */
  Result<List<Row>> query(String sql, Object... params);

  /**
   * Like {@link #query(String, Object...)} with parameters by name: each {@code :name} outside string literals,
   * quoted identifiers and comments is bound to {@code params.get("name")} (a name may appear more than once;
   * PostgreSQL's {@code ::type} casts are left alone). A name without a value is INVALID {@code MISSING_PARAMETER}.
   * A {@code Map} or {@code List} value is bound as JSON text.
   */
  Result<List<Row>> query(String sql, Map<String, ?> params);

  /**
   * The rows of a query as records of {@code type}: each component takes the column whose label is its column
   * name ({@code created_at}) or its component name, ignoring case, converted as {@link Table} converts it.
   * A primitive component without a column is INVALID {@code COLUMN_NOT_FOUND}, other missing components are
   * {@code null}; a value that does not fit is INVALID {@code COLUMN_TYPE_MISMATCH}.
   */
  <T extends Record> Result<List<T>> query(String sql, Class<T> type, Object... params);

  /** {@link #query(String, Class, Object...)} with parameters by name. */
  <T extends Record> Result<List<T>> query(String sql, Class<T> type, Map<String, ?> params);

  /** The first row of the query, or NOT_FOUND {@code ROW_NOT_FOUND} when it returns none. */
  Result<Row> queryOne(String sql, Object... params);

  /** {@link #queryOne(String, Object...)} with parameters by name. */
  Result<Row> queryOne(String sql, Map<String, ?> params);

  /**
   * Hands every row of the query to {@code each} as it is read, holding only a few hundred rows in memory at a
   * time (the driver fetches in pieces; on PostgreSQL outside a transaction this runs in a read-only transaction
   * of its own). The connection is held until the last row; {@code each} should not call back into a database
   * whose pool it could exhaust. Never retried (rows already handed out would be handed out again). An exception
   * thrown by {@code each} stops the stream and propagates (a {@link dev.cairn.core.CairnException} becomes the
   * failure).
   *
   * @param params values for {@code ?} placeholders, in order
   * @return the number of rows handed out
   */
  Result<Long> stream(String sql, List<?> params, Consumer<? super Row> each);

  /** {@link #stream(String, List, Consumer)} with parameters by name ({@code :name}). */
  Result<Long> stream(String sql, Map<String, ?> params, Consumer<? super Row> each);

  /**
   * {@link #stream(String, List, Consumer)} that first hands {@code columns} the result's column labels, in order,
   * once the statement ran and before any row: also when it returns no rows (a tool showing the result's headers
   * needs them then too).
   */
  Result<Long> stream(String sql, List<?> params, Consumer<? super List<String>> columns, Consumer<? super Row> each);

  /** {@link #stream(String, List, Consumer, Consumer)} with parameters by name ({@code :name}). */
  Result<Long> stream(String sql, Map<String, ?> params, Consumer<? super List<String>> columns,
      Consumer<? super Row> each);

  /**
   * Runs one statement with {@code :name} parameters once per map, as one JDBC batch in one transaction (a
   * savepoint inside one): all or nothing.
   *
   * @return the total update count
   */
  Result<Integer> executeMany(String sql, List<? extends Map<String, ?>> paramsPerRow);

  /**
   * Runs a script of several statements separated by {@code ;}, split by the dialect's rules: semicolons inside
   * string literals, quoted identifiers, comments, PostgreSQL dollar quotes and the {@code BEGIN ... END} body of
   * a trigger or routine do not end a statement. On PostgreSQL and SQLite the script runs in one transaction (all
   * or nothing); on MariaDB/MySQL, where DDL commits by itself, statement by statement (a failure keeps what ran
   * before it). A failure names the statement's number in its message and details ({@code statement}).
   *
   * @return the number of statements run
   */
  Result<Integer> executeScript(String script);

  /** {@link #executeScript(String)} of a UTF-8 file; a missing file is NOT_FOUND {@code FILE_NOT_FOUND}. */
  Result<Integer> executeScript(Path script);

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
