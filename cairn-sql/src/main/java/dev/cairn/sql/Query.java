package dev.cairn.sql;

import java.util.List;
import java.util.Objects;

/**
 * What to read: a filter, a sort, and either an offset page or a keyset position. Immutable; every method
 * returns a new query.
 *
 * <pre>{@code
 * Query.where(eq("age", 36)).orderBy(desc("created_at")).page(2, 50).withTotal()
 * Query.all().orderBy(asc("name")).limit(100).after(previousPage.next().orElseThrow())
 * }</pre>
 *
 * <p>Without a sort, rows come in primary-key order. A page size above the database's maximum (1000 by default)
 * is refused with INVALID {@code PAGE_SIZE_TOO_LARGE}. Keyset paging ({@link #after(Cursor)}) appends the
 * primary key to the sort so positions are unique.
 *
 * @param filter the filter; {@link Filter#all()} (or an empty {@code Filter.and()}) matches every row
 * @param sort sort keys in order
 * @param page 1-based page number for offset paging
 * @param pageSize rows per page
 * @param countTotal whether to count all matching rows too (one extra query)
 * @param after keyset position, or {@code null} for offset paging
 */
public record Query(Filter filter, List<Sort> sort, int page, int pageSize, boolean countTotal, Cursor after) {
  /** Rows per page when the query does not say. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  public Query {
    Objects.requireNonNull(filter, "filter");
    sort = List.copyOf(sort);
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1, was " + page);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be >= 1, was " + pageSize);
    }
  }

  public static Query where(Filter filter) {
    return new Query(filter, List.of(), 1, DEFAULT_PAGE_SIZE, false, null);
  }

  public static Query all() {
    return where(Filter.and());
  }

  public Query orderBy(Sort... keys) {
    return new Query(filter, List.of(keys), page, pageSize, countTotal, after);
  }

  public Query orderBy(List<Sort> keys) {
    return new Query(filter, keys, page, pageSize, countTotal, after);
  }

  /** Offset paging: page {@code number} (1-based) of {@code size} rows. */
  public Query page(int number, int size) {
    return new Query(filter, sort, number, size, countTotal, after);
  }

  /** The first {@code size} rows (or the {@code size} rows after the keyset position). */
  public Query limit(int size) {
    return new Query(filter, sort, 1, size, countTotal, after);
  }

  public Query withTotal() {
    return new Query(filter, sort, page, pageSize, true, after);
  }

  /** Keyset paging: the rows after {@code cursor} (from a previous {@link Page#next()}) in this sort order. */
  public Query after(Cursor cursor) {
    return new Query(filter, sort, 1, pageSize, countTotal, Objects.requireNonNull(cursor, "cursor"));
  }

  /** Zero-based offset of the first row for offset paging. */
  public long offset() {
    return (long) (page - 1) * pageSize;
  }
}
