package dev.cairn.sql;

import dev.cairn.core.Result;
import java.util.List;
import java.util.Map;

/**
 * Dynamic access to any existing table, with rows as {@code Map<String, Object>} keyed by column name: the door
 * for admin tools that do not know the tables at compile time. Obtained from {@link Session#rows(String)};
 * thread-safe.
 *
 * <p>The table and every column name are checked against the introspected schema before any SQL is built, then
 * quoted by the dialect; values are bound and converted to the column's type. An unknown table is NOT_FOUND
 * {@code TABLE_NOT_FOUND} with the available tables in the details; an unknown column INVALID
 * {@code COLUMN_NOT_FOUND}; a value that does not fit its column INVALID {@code INVALID_VALUE}; text with a lone
 * UTF-16 surrogate INVALID {@code INVALID_UNICODE} (see {@link Table}); a null in a NOT NULL
 * column INVALID {@code NOT_NULL_VIOLATION}. Nothing is changed
 * by a failed call. Keys are the table's primary key (single-column keys only; a table without one supports
 * only the filter-based operations).
 *
 * <p>Values read back are JDBC values normalized across dialects: integers as {@code Long}, decimals as
 * {@code BigDecimal}, floating point as {@code Double}, text as {@code String}, booleans as {@code Boolean},
 * timestamps as {@code Instant}, dates as {@code LocalDate}, binary as {@code byte[]}.
 */
public interface Rows {

  /** The table name as stored. */
  String table();

  /** Inserts a row and returns it as stored, with a generated key filled in. */
  Result<Map<String, Object>> insert(Map<String, ?> row);

  /** Inserts all rows in one batch in one transaction; all or nothing. Returns the count inserted. */
  Result<Integer> insertAll(List<? extends Map<String, ?>> rows);

  /** Inserts, or replaces the given columns of the row with the same key. Returns the row as stored. */
  Result<Map<String, Object>> upsert(Map<String, ?> row);

  Result<Map<String, Object>> find(Object id);

  Result<Page<Map<String, Object>>> query(Query query);

  /** Every row matching {@code filter}, streamed; see {@link Table#stream}. */
  Result<Long> stream(Filter filter, java.util.function.Consumer<? super Map<String, Object>> each);

  /**
   * Every row matching the query's filter, streamed as {@link Table#stream} does, in the query's sort order then
   * key order: the rows its pages ({@link #query}) hold, concatenated, but read in one statement with bounded
   * memory. The query's page, page size, cursor and total are ignored.
   */
  Result<Long> stream(Query query, java.util.function.Consumer<? super Map<String, Object>> each);

  Result<Long> count(Filter filter);

  Result<Boolean> exists(Object id);

  Result<Map<String, Object>> update(Object id, Map<String, ?> changes);

  /**
   * Changes the given columns of one row without reading it back; see {@link Table#updateCount}.
   *
   * @return 1, or 0 when no row has that key
   */
  Result<Integer> updateCount(Object id, Map<String, ?> changes);

  /** See {@link Table#updateWhere}: an empty filter is refused unless it is {@link Filter#all()}. */
  Result<Integer> updateWhere(Filter filter, Map<String, ?> changes);

  Result<Void> delete(Object id);

  /** See {@link Table#deleteWhere}: an empty filter is refused unless it is {@link Filter#all()}. */
  Result<Integer> deleteWhere(Filter filter);
}
