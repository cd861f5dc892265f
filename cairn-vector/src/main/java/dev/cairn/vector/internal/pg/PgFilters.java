package dev.cairn.vector.internal.pg;

import dev.cairn.core.Json;
import dev.cairn.sql.Filter;
import dev.cairn.vector.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * {@link Filter}s over the {@code metadata jsonb} column as SQL with bound parameters: keys and values are always
 * parameters, never spliced. Equality is jsonb containment ({@code metadata @> {"k": v}}, served by the GIN
 * index); ranges compare jsonb values of the same type ({@code jsonb_typeof} guards them, so a string never
 * compares with a number). Every leaf is wrapped in {@code coalesce(..., false)} so the logic is two-valued, as
 * on the embedded index: a comparison on an absent key is false, and its negation true.
 */
final class PgFilters {
  private PgFilters() {}

  /** A rendered condition and its parameters in order. */
  record Sql(String text, List<Object> params) {}

  /** The condition for {@code filter}, or {@code null} when it matches everything. */
  static Sql where(Filter filter) {
    if (filter.isEmpty() || filter instanceof Filter.All) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    List<Object> params = new java.util.ArrayList<>();
    render(filter, text, params);
    return new Sql(text.toString(), List.copyOf(params));
  }

  private static void render(Filter filter, StringBuilder sql, List<Object> params) {
    switch (filter) {
      case Filter.Compare compare -> compare(compare, sql, params);
      case Filter.In in -> {
        if (in.values().isEmpty()) {
          sql.append("false");
          return;
        }
        sql.append('(');
        for (int i = 0; i < in.values().size(); i++) {
          sql.append(i == 0 ? "" : " or ");
          equal(in.column(), Checks.value(in.values().get(i)), sql, params);
        }
        sql.append(')');
      }
      case Filter.Like like -> {
        sql.append("coalesce(jsonb_typeof(metadata -> ?) = 'string' and metadata ->> ? like ?, false)");
        params.addAll(List.of(like.column(), like.column(), like.pattern()));
      }
      case Filter.IsNull isNull -> {
        sql.append(isNull.negated() ? "jsonb_exists(metadata, ?)" : "not jsonb_exists(metadata, ?)");
        params.add(isNull.column());
      }
      case Filter.And and -> join(and.parts(), " and ", "true", sql, params);
      case Filter.Or or -> join(or.parts(), " or ", "false", sql, params);
      case Filter.Not not -> {
        sql.append("not (");
        render(not.filter(), sql, params);
        sql.append(')');
      }
      case Filter.All all -> sql.append("true");
    }
  }

  private static void join(List<Filter> parts, String operator, String empty, StringBuilder sql, List<Object> params) {
    if (parts.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append('(');
    for (int i = 0; i < parts.size(); i++) {
      sql.append(i == 0 ? "" : operator);
      render(parts.get(i), sql, params);
    }
    sql.append(')');
  }

  private static void compare(Filter.Compare compare, StringBuilder sql, List<Object> params) {
    String key = compare.column();
    if (compare.value() == null) {
      sql.append(compare.op() == Filter.Op.EQ ? "not jsonb_exists(metadata, ?)" : "jsonb_exists(metadata, ?)");
      params.add(key);
      return;
    }
    Object value = Checks.value(compare.value());
    switch (compare.op()) {
      case EQ -> equal(key, value, sql, params);
      case NE -> {
        sql.append("(jsonb_exists(metadata, ?) and not ");
        params.add(key);
        equal(key, value, sql, params);
        sql.append(')');
      }
      case GT, GE, LT, LE -> {
        String type = value instanceof String ? "string" : "number";
        String operator = switch (compare.op()) {
          case GT -> ">";
          case GE -> ">=";
          case LT -> "<";
          default -> "<=";
        };
        sql.append("coalesce(jsonb_typeof(metadata -> ?) = '").append(type).append("' and (metadata -> ?) ")
            .append(operator).append(" ?::jsonb, false)");
        params.addAll(List.of(key, key, Json.write(value)));
      }
    }
  }

  private static void equal(String key, Object value, StringBuilder sql, List<Object> params) {
    sql.append("metadata @> ?::jsonb");
    params.add(Json.write(Map.of(key, value)));
  }
}
