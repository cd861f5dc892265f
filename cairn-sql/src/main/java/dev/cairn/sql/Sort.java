package dev.cairn.sql;

import java.util.Objects;

/**
 * One sort key of a {@link Query}. The column is checked against the table's schema when the query runs.
 *
 * @param column column name as stored (for typed tables, the column name, not the component name)
 * @param descending whether the order is descending
 */
public record Sort(String column, boolean descending) {
  public Sort {
    Objects.requireNonNull(column, "column");
  }

  public static Sort asc(String column) {
    return new Sort(column, false);
  }

  public static Sort desc(String column) {
    return new Sort(column, true);
  }
}
