package dev.cairn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prints rows as an aligned text table: a header, a rule, one line per row; numbers right-aligned, everything
 * else left-aligned, every header and cell made safe by {@link DisplayValue} and cut at
 * {@link DisplayValue#CELL_LIMIT}.
 * Not thread-safe; build, fill and print from one thread.
 *
 * <pre>
 * id  name  age
 * --  ----  ---
 *  1  Ada    36
 * </pre>
 */
final class TablePrinter {
  private static final String GAP = "  ";
  private final List<String> headers;
  private final List<List<Object>> rows = new ArrayList<>();

  /** Headers come from outside too (column names), so they are made safe like the cells. */
  TablePrinter(List<String> headers) {
    this.headers = headers.stream().map(header -> DisplayValue.text(header, DisplayValue.CELL_LIMIT)).toList();
  }

  /**
   * Adds a row; its values are shown in header order.
   *
   * @throws IllegalArgumentException if the row does not have one value per header
   */
  TablePrinter add(List<?> values) {
    if (values.size() != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + values.size() + " values for " + headers.size() + " columns: " + headers);
    }
    rows.add(new ArrayList<>(values));
    return this;
  }

  int rowCount() {
    return rows.size();
  }

  void print(PrintStream out) {
    List<List<String>> cells = rows.stream()
        .map(row -> row.stream().map(value -> DisplayValue.of(value, DisplayValue.CELL_LIMIT)).toList())
        .toList();
    int[] widths = new int[headers.size()];
    boolean[] numeric = new boolean[headers.size()];
    for (int column = 0; column < headers.size(); column++) {
      widths[column] = width(headers.get(column));
      numeric[column] = isNumeric(column);
      for (List<String> row : cells) {
        widths[column] = Math.max(widths[column], width(row.get(column)));
      }
    }
    out.println(line(headers, widths, numeric));
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    out.println(line(rule, widths, numeric));
    for (List<String> row : cells) {
      out.println(line(row, widths, numeric));
    }
  }

  // A column is right-aligned only when every non-null value in it is a number, so ids and counts line up.
  private boolean isNumeric(int column) {
    boolean anyNumber = false;
    for (List<Object> row : rows) {
      Object value = row.get(column);
      if (value instanceof Number) {
        anyNumber = true;
      } else if (value != null) {
        return false;
      }
    }
    return anyNumber;
  }

  private static String line(List<String> cells, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.size(); column++) {
      String cell = Objects.requireNonNull(cells.get(column));
      String padding = " ".repeat(widths[column] - width(cell));
      if (column > 0) {
        line.append(GAP);
      }
      line.append(numeric[column] ? padding + cell : cell + padding);
    }
    return line.toString().stripTrailing();
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
