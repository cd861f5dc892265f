package dev.cairn.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One page of a query's rows. Immutable and safe to share between threads.
 *
 * <p>A class with a record's accessors, equality and text rather than a record, so that the next page's
 * {@link Cursor} is encoded only when {@link #next()} is called: most pages are read for their items and
 * {@link #hasNext()}, and encoding a cursor for every page cost a first page 6% of Cairn's CPU in a profile of
 * {@code cairn bench sql} on PostgreSQL.
 *
 * @param <T> the type of the items
 */
public final class Page<T> {
  private final List<T> items;
  private final int page;
  private final int pageSize;
  private final OptionalLong total;
  private final boolean hasNext;
  /** Encodes the cursor on the first {@link #next()}; {@code null} when the cursor was given or there is none. */
  private final Supplier<Cursor> encoder;
  /** The encoded cursor; final fields inside make a racing second encode harmless. */
  private volatile Optional<Cursor> next;

  /**
   * @param items the rows, at most {@code pageSize}
   * @param page 1-based page number (1 for keyset pages)
   * @param pageSize the page size that was applied
   * @param total the total number of matching rows when the query asked for it ({@link Query#withTotal()})
   * @param next where the following page starts for keyset paging; empty on the last page
   */
  public Page(List<T> items, int page, int pageSize, OptionalLong total, Optional<Cursor> next) {
    this(items, page, pageSize, total, null, Objects.requireNonNull(next, "next"));
  }

  /** @param next the cursor when known, {@code null} while {@code encoder} has yet to make it */
  private Page(List<T> items, int page, int pageSize, OptionalLong total, Supplier<Cursor> encoder,
      Optional<Cursor> next) {
    this.items = List.copyOf(items);
    this.page = page;
    this.pageSize = pageSize;
    this.total = Objects.requireNonNull(total, "total");
    this.hasNext = encoder != null || next.isPresent();
    this.encoder = encoder;
    this.next = next;
  }

  /**
   * A page whose next cursor {@code next} makes on the first call of {@link #next()}, for backends that read the
   * cursor's values from the last row but need not encode them for a caller who never asks.
   *
   * @param next makes the cursor of the following page, {@code null} on the last page; called at most once unless
   *     two threads ask at the same moment, so it must give equal cursors each time
   */
  public static <T> Page<T> withNextFrom(List<T> items, int page, int pageSize, OptionalLong total,
      Supplier<Cursor> next) {
    return new Page<>(items, page, pageSize, total, next, next == null ? Optional.empty() : null);
  }

  /** The rows, at most {@link #pageSize()}. */
  public List<T> items() {
    return items;
  }

  /** The 1-based page number (1 for keyset pages). */
  public int page() {
    return page;
  }

  /** The page size that was applied. */
  public int pageSize() {
    return pageSize;
  }

  /** The total number of matching rows when the query asked for it ({@link Query#withTotal()}). */
  public OptionalLong total() {
    return total;
  }

  /** Where the following page starts, for {@link Query#after(Cursor)}; empty on the last page. */
  public Optional<Cursor> next() {
    Optional<Cursor> known = next;
    if (known == null) {
      known = Optional.of(encoder.get());
      next = known;
    }
    return known;
  }

  /** Whether a following page exists, without encoding its cursor. */
  public boolean hasNext() {
    return hasNext;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Page<?> that && page == that.page && pageSize == that.pageSize
        && items.equals(that.items) && total.equals(that.total) && next().equals(that.next());
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, page, pageSize, total, next());
  }

  @Override
  public String toString() {
    return "Page[items=" + items + ", page=" + page + ", pageSize=" + pageSize + ", total=" + total + ", next="
        + next() + "]";
  }
}
