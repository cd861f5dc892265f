package dev.cairn.server.http.internal;

import dev.cairn.sql.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses PostgREST-style column filters: {@code age=gt.30}, {@code name=like.A%}, {@code status=in.(new,open)},
 * {@code deleted_at=is.null}, and any of them negated with a {@code not.} prefix. Values stay text: the SQL layer
 * converts them to the column's type (or answers {@code INVALID_VALUE}) and binds them. Column names are checked
 * against the schema there as well ({@code COLUMN_NOT_FOUND}); this class only checks the syntax.
 */
final class FilterParser {
  private static final String MODULE = "cairn.db";

  private FilterParser() {}

  /** The filter for {@code column=expression}; 400 {@code UNKNOWN_OPERATOR} or {@code INVALID_FILTER}. */
  static Filter parse(String column, String expression) {
    if (column.isBlank()) {
      throw ApiError.badRequest("INVALID_FILTER", "a filter needs a column name", MODULE);
    }
    if (expression.startsWith("not.")) {
      return Filter.not(parse(column, expression.substring("not.".length())));
    }
    int dot = expression.indexOf('.');
    if (dot < 0) {
      throw new ApiError(400, "UNKNOWN_OPERATOR", "filter on '" + column + "' needs operator.value, e.g. eq.42",
          MODULE, java.util.Map.of("column", column));
    }
    String operator = expression.substring(0, dot);
    String value = expression.substring(dot + 1);
    return switch (operator) {
      case "eq" -> Filter.eq(column, value);
      case "neq" -> Filter.ne(column, value);
      case "gt" -> Filter.gt(column, value);
      case "gte" -> Filter.ge(column, value);
      case "lt" -> Filter.lt(column, value);
      case "lte" -> Filter.le(column, value);
      case "like" -> Filter.like(column, value.replace('*', '%'));
      case "in" -> Filter.in(column, list(column, value));
      case "is" -> isFilter(column, value);
      default -> throw new ApiError(400, "UNKNOWN_OPERATOR",
          "unknown filter operator '" + operator + "' on '" + column + "' (eq, neq, gt, gte, lt, lte, like, in, is)",
          MODULE, java.util.Map.of("column", column, "operator", operator));
    };
  }

  private static Filter isFilter(String column, String value) {
    return switch (value) {
      case "null" -> Filter.isNull(column);
      case "not_null", "notnull" -> Filter.isNotNull(column);
      default -> throw ApiError.badRequest("INVALID_FILTER", "is. takes null or not_null on '" + column + "'", MODULE);
    };
  }

  // (a,b,"c,d") -> [a, b, c,d]: double quotes protect commas, as in PostgREST.
  private static List<String> list(String column, String value) {
    if (value.length() < 2 || value.charAt(0) != '(' || value.charAt(value.length() - 1) != ')') {
      throw ApiError.badRequest("INVALID_FILTER", "in. takes a list in parentheses on '" + column + "'", MODULE);
    }
    List<String> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : value.substring(1, value.length() - 1).toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw ApiError.badRequest("INVALID_FILTER", "unbalanced quote in the in. list on '" + column + "'", MODULE);
    }
    items.add(current.toString());
    return items;
  }
}
