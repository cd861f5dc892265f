package dev.cairn.sql;

import dev.cairn.core.Result;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one table whose rows are records of {@code T}. Obtained from {@link Session#table(Class)};
 * thread-safe; cheap to obtain again (the mapping and the rendered SQL are cached per database).
 *
 * <p>Every operation returns a {@link Result} and never throws for data problems: a missing row is NOT_FOUND
 * {@code ROW_NOT_FOUND}, a duplicate key DUPLICATE {@code DUPLICATE_KEY}, an unknown column INVALID
 * {@code COLUMN_NOT_FOUND}, a missing table NOT_FOUND {@code TABLE_NOT_FOUND}, a value that does not fit its
 * column INVALID {@code INVALID_VALUE}, a null in a NOT NULL column INVALID
 * {@code NOT_NULL_VIOLATION}, a lost connection UNAVAILABLE. Messages name the table and column.
 * Text is stored exactly or refused: a {@code String} holding a lone UTF-16 surrogate, which no database here can
 * store as UTF-8 (drivers would silently write {@code ?}), is INVALID {@code INVALID_UNICODE}, in values, keys and
 * filters alike; surrogate pairs are whole characters and are kept.
 * A failed write changes nothing, with one exception: outside a transaction, a write whose connection broke while
 * it ran fails UNAVAILABLE {@code OUTCOME_UNKNOWN} (a multi-statement write such as {@link #insertAll}:
 * {@code COMMIT_OUTCOME_UNKNOWN}), and may or may not be stored; such a write is never retried by Cairn (see
 * <a href="Database.html#outcomes">what failures say</a>). Outside a transaction each call is its own transaction,
 * retried within the operation timeout on transient conflicts and on a connection lost before anything could be
 * written; inside {@link Session#transaction} it joins the transaction.
 *
 * <p>Column names in {@link Filter}s, {@link Sort}s and change maps are column names as stored
 * ({@code created_at}); the component name ({@code createdAt}) is accepted too.
 *
 * @param <T> a record type
 */
public interface Table<T> {

  /** The table name as stored. */
  String name();

  /** Creates the table, its unique constraints and indexes if they do not exist. Idempotent. */
  Result<Void> create();

  /** Drops the table if it exists. Idempotent. */
  Result<Void> drop();

  /** Inserts one row and returns it as stored, with a generated key filled in. */
  Result<T> insert(T row);

  /**
   * Inserts all rows in one JDBC batch in one transaction: either every row is stored or none is.
   *
   * @return the number of rows inserted
   */
  Result<Integer> insertAll(List<T> rows);

  /** Inserts the row, or replaces every column of the row with the same key. Returns the row as stored. */
  Result<T> upsert(T row);

  /** The row with this key, or NOT_FOUND {@code ROW_NOT_FOUND}. */
  Result<T> find(Object id);

  /** One page of the rows matching the query. */
  Result<Page<T>> query(Query query);

  /**
   * Hands every row matching {@code filter} ({@link Filter#all()} for all) to {@code each}, in key order, without
   * the page cap of {@code query} and without loading them all: the driver fetches a few hundred rows at a time
   * (on PostgreSQL outside a transaction the stream runs in a read-only transaction of its own). The connection is
   * held until the last row. A failure after rows were handed out is UNAVAILABLE {@code STREAM_INTERRUPTED} and is
   * not retried; an exception thrown by {@code each} stops the stream (a {@link dev.cairn.core.CairnException}
   * becomes the failure, anything else propagates).
   *
   * @return the number of rows handed out
   */
  Result<Long> stream(Filter filter, java.util.function.Consumer<? super T> each);

  /** The number of rows matching the filter ({@link Filter#all()} counts all). */
  Result<Long> count(Filter filter);

  Result<Boolean> exists(Object id);

  /**
   * Changes the given columns of one row and returns the row as stored afterwards.
   *
   * @param changes column (or component) name to new value; the key cannot be changed
   */
  Result<T> update(Object id, Map<String, ?> changes);

  /**
   * Changes the given columns of one row without reading it back: {@link #update(Object, Map)} for callers that
   * do not need the stored row, one plain {@code UPDATE} on every dialect (no {@code RETURNING}, and on
   * MariaDB/MySQL no second statement and no transaction around the two), as jOOQ's {@code execute()} or a
   * Spring Data {@code @Modifying} query would do. Failures are those of {@code update}, except that a missing row
   * is not one.
   *
   * @param changes column (or component) name to new value, at least one (else INVALID {@code NO_CHANGES}); the
   *     key cannot be changed
   * @return 1, or 0 when no row has that key; a row found counts even when it already held these values
   */
  Result<Integer> updateCount(Object id, Map<String, ?> changes);

  /** Writes every column of the record to the row with the record's key; NOT_FOUND if there is none. */
  Result<T> update(T row);

  /**
   * Changes the given columns of every row matching the filter. An empty filter is refused with INVALID
   * {@code FILTER_REQUIRED}; pass {@link Filter#all()} to change every row.
   *
   * @return the number of rows changed
   */
  Result<Integer> updateWhere(Filter filter, Map<String, ?> changes);

  /** Deletes the row with this key; NOT_FOUND {@code ROW_NOT_FOUND} if there is none. */
  Result<Void> delete(Object id);

  /**
   * Deletes every row matching the filter. An empty filter is refused with INVALID {@code FILTER_REQUIRED}; pass
   * {@link Filter#all()} to delete every row.
   *
   * @return the number of rows deleted
   */
  Result<Integer> deleteWhere(Filter filter);
}
