package dev.cairn.sql;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a query's rows.
 *
 * @param items the rows, at most {@code pageSize}
 * @param page 1-based page number (1 for keyset pages)
 * @param pageSize the page size that was applied
 * @param total the total number of matching rows when the query asked for it ({@link Query#withTotal()})
 * @param next where the following page starts for keyset paging; empty on the last page
 */
public record Page<T>(List<T> items, int page, int pageSize, OptionalLong total, Optional<Cursor> next) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return next.isPresent();
  }
}
