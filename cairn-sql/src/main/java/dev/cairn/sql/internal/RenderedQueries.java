package dev.cairn.sql.internal;

import dev.cairn.sql.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Rendered SQL of dynamic queries (filters, sorts, pages), cached per table by the query's shape: the filter's
 * structure with values left out. jOOQ rendering costs more than a small indexed query, so a shape is
 * rendered once, with named parameters {@code :b0, :b1, ...} numbered in the order {@link QueryRenderer}
 * created them; the names are then replaced by {@code ?} and their order recorded, so later queries of the
 * same shape only need their values put in that order. At most {@link #LIMIT} shapes are kept per table.
 */
final class RenderedQueries {
  private static final int LIMIT = 512;

  private final Map<String, Rendered> byShape = new ConcurrentHashMap<>();

  /** SQL with {@code ?} placeholders, and for each placeholder the index of its value in creation order. */
  record Rendered(String sql, int[] order) {
    Render.Sql bind(List<Object> values) {
      List<Object> binds = new ArrayList<>(order.length);
      for (int index : order) {
        binds.add(values.get(index));
      }
      return new Render.Sql(sql, binds);
    }
  }

  /** The rendering of {@code shape}, or {@code null} when it was not rendered yet (or did not fit the cache). */
  Rendered cached(String shape) {
    return byShape.get(shape);
  }

  Render.Sql sql(String shape, DSLContext dsl, Query query, List<Object> values) {
    Rendered rendered = byShape.get(shape);
    if (rendered == null) {
      rendered = positional(dsl.renderNamedParams(query));
      if (byShape.size() < LIMIT) {
        byShape.put(shape, rendered);
      }
    }
    return rendered.bind(values);
  }

  /** Replaces {@code :bN} outside quotes by {@code ?}, recording N in order. */
  static Rendered positional(String named) {
    StringBuilder sql = new StringBuilder(named.length());
    List<Integer> order = new ArrayList<>();
    char quote = 0;
    for (int i = 0; i < named.length(); i++) {
      char c = named.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        sql.append(c);
      } else if (c == '"' || c == '`' || c == '\'') {
        quote = c;
        sql.append(c);
      } else if (c == ':' && i + 2 < named.length() && named.charAt(i + 1) == 'b'
          && Character.isDigit(named.charAt(i + 2))) {
        int end = i + 2;
        while (end < named.length() && Character.isDigit(named.charAt(end))) {
          end++;
        }
        order.add(Integer.parseInt(named, i + 2, end, 10));
        sql.append('?');
        i = end - 1;
      } else {
        sql.append(c);
      }
    }
    return new Rendered(sql.toString(), order.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The structure of a filter without its values (only whether each is null, which changes the SQL). */
  static void shape(Filter filter, StringBuilder out) {
    switch (filter) {
      case Filter.Compare compare -> out.append("c(").append(compare.column()).append(',').append(compare.op())
          .append(compare.value() == null ? ",null)" : ")");
      case Filter.In in -> {
        out.append("in(").append(in.column());
        for (Object value : in.values()) {
          out.append(value == null ? ",n" : ",v");
        }
        out.append(')');
      }
      case Filter.Like like -> out.append("like(").append(like.column()).append(')');
      case Filter.IsNull isNull -> out.append(isNull.negated() ? "nn(" : "null(").append(isNull.column()).append(')');
      case Filter.And and -> parts("and(", and.parts(), out);
      case Filter.Or or -> parts("or(", or.parts(), out);
      case Filter.Not not -> {
        out.append("not(");
        shape(not.filter(), out);
        out.append(')');
      }
      case Filter.All all -> out.append("all");
    }
  }

  private static void parts(String open, List<Filter> parts, StringBuilder out) {
    out.append(open);
    for (Filter part : parts) {
      shape(part, out);
      out.append(';');
    }
    out.append(')');
  }
}
