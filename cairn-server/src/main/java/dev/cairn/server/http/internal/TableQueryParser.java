package dev.cairn.server.http.internal;

import dev.cairn.server.http.FilterParser;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Query;
import dev.cairn.sql.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the query string of {@code GET /api/v1/db/tables/{table}} into a {@link Query}: the seed parameters
 * ({@code page}, {@code page_size}, {@code sort_by} (one column or several, comma-separated), {@code sort_desc}, {@code filter_column}, {@code filter_value}),
 * the keyset {@code cursor}, and every other parameter as a column filter (see {@link FilterParser}).
 */
final class TableQueryParser {
  private static final String MODULE = "cairn.db";
  static final int DEFAULT_PAGE_SIZE = dev.cairn.server.http.AdminConfig.DEFAULT_PAGE_SIZE;
  private static final Set<String> RESERVED =
      Set.of("page", "page_size", "sort_by", "sort_desc", "filter_column", "filter_value", "cursor", "db");

  private final int maxPageSize;

  TableQueryParser(int maxPageSize) {
    this.maxPageSize = maxPageSize;
  }

  Query parse(Map<String, List<String>> params) {
    long page = number(params, "page", 1);
    if (page > Integer.MAX_VALUE) {
      throw ApiError.badRequest("INVALID_PARAMETER", "page must be at most " + Integer.MAX_VALUE, MODULE);
    }
    int pageSize = pageSize(params);
    List<Filter> filters = new ArrayList<>();
    String filterColumn = single(params, "filter_column");
    String filterValue = single(params, "filter_value");
    if (filterColumn != null && !filterColumn.isEmpty()) {
      filters.add(Filter.eq(filterColumn, filterValue == null ? "" : filterValue));
    } else if (filterValue != null && !filterValue.isEmpty()) {
      throw ApiError.badRequest("INVALID_FILTER", "filter_value needs filter_column", MODULE);
    }
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      if (!RESERVED.contains(param.getKey())) {
        for (String expression : param.getValue()) {
          filters.add(filter(param.getKey(), expression));
        }
      }
    }
    Query query = Query.where(filters.isEmpty() ? Filter.and() : Filter.and(filters.toArray(Filter[]::new)))
        .orderBy(sort(params))
        .page((int) page, pageSize)
        .withTotal();
    String cursor = single(params, "cursor");
    return cursor == null || cursor.isEmpty() ? query : query.after(Cursor.of(cursor));
  }

  /** One PostgREST-style filter, parsed by the parser the CLI shares, so both surfaces accept and refuse alike. */
  private static Filter filter(String column, String expression) {
    return FilterParser.parse(column, expression);
  }

  private int pageSize(Map<String, List<String>> params) {
    long size = number(params, "page_size", DEFAULT_PAGE_SIZE);
    if (size > maxPageSize) {
      throw new ApiError(400, "PAGE_SIZE_TOO_LARGE", "page_size must be at most " + maxPageSize + ", was " + size,
          MODULE, Map.of("max_page_size", maxPageSize));
    }
    return (int) size;
  }

  /**
   * The sort keys, in priority order: {@code sort_by} holds one or more comma-separated columns and may repeat; a
   * column written {@code -name} sorts descending. {@code sort_desc} is the seed's form: one value for every plain
   * key, or one per key ({@code sort_by=a,b&sort_desc=false,true}); ascending by default.
   */
  private static List<Sort> sort(Map<String, List<String>> params) {
    List<String> keys = new ArrayList<>();
    List<String> values = params.getOrDefault("sort_by", List.of());
    if (values.size() == 1 && values.getFirst().isEmpty()) {
      return List.of(); // the seed's clients send sort_by= for "no order"
    }
    for (String value : values) {
      for (String key : value.split(",", -1)) {
        String column = key.strip();
        if (column.isEmpty() || column.equals("-")) {
          throw ApiError.badRequest("INVALID_PARAMETER",
              "sort_by must be column names separated by commas, each optionally prefixed by '-'", MODULE);
        }
        keys.add(column);
      }
    }
    String descending = single(params, "sort_desc");
    String[] directions = descending == null || descending.isEmpty() ? new String[] {""} : descending.split(",", -1);
    if (directions.length != 1 && directions.length != keys.size()) {
      throw ApiError.badRequest("INVALID_PARAMETER",
          "sort_desc needs one value, or one per sort_by column (" + keys.size() + ")", MODULE);
    }
    List<Sort> sorts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      boolean minus = key.startsWith("-");
      boolean desc = descending(directions[directions.length == 1 ? 0 : i]);
      sorts.add(new Sort(minus ? key.substring(1) : key, minus || desc));
    }
    return sorts;
  }

  private static boolean descending(String text) {
    return switch (text.strip()) {
      case "", "false", "0" -> false;
      case "true", "1" -> true;
      default -> throw ApiError.badRequest("INVALID_PARAMETER", "sort_desc must be true or false", MODULE);
    };
  }

  /** A positive integer parameter; 400 {@code INVALID_PARAMETER} for text, zero, negatives or overflow. */
  private static long number(Map<String, List<String>> params, String name, long fallback) {
    String text = single(params, name);
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("INVALID_PARAMETER", name + " must be a positive integer", MODULE);
    }
    throw ApiError.badRequest("INVALID_PARAMETER", name + " must be a positive integer", MODULE);
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiError.badRequest("INVALID_PARAMETER", name + " may be given once", MODULE);
    }
    return values.getFirst();
  }
}
