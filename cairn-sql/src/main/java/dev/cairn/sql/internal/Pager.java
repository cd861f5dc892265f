package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Sort;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;

/**
 * Runs a {@link Query} as one page. One row more than the page size is fetched to know whether a next page
 * exists; when it does and the table has a key, the page carries a keyset cursor from its last row (sort values
 * plus key, encoded on the first {@link Page#next()}), usable with {@link Query#after(Cursor)} whichever paging
 * produced the page.
 */
final class Pager {
  private Pager() {}

  /**
   * A query's sort resolved against the table: the sort columns with the key appended, their directions, the
   * cursor signature, the value kinds a cursor holds, the sort's part of the statement's shape and the sort columns
   * as an array (which values of each row make the page's position). Made once per
   * sort list and table ({@link TableStatements#sortPlan}): resolving names and building the strings showed in
   * keyset-page profiles at a few percent of Cairn's time.
   */
  record SortPlan(List<Integer> columns, List<Boolean> descending, String signature, List<ValueKind> kinds,
      String shape, int[] columnIndexes) {
    static SortPlan of(TableModel model, QueryRenderer renderer, List<Sort> sort) {
      List<Integer> columns = renderer.sortColumns(sort, true);
      List<Boolean> descending = directions(sort, columns.size());
      List<ValueKind> kinds = new ArrayList<>(columns.size());
      StringBuilder shape = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        kinds.add(model.column(columns.get(i)).kind());
        shape.append(columns.get(i)).append(descending.get(i) ? 'd' : 'a').append(',');
      }
      // The array is never written after this: it only tells which values to copy from each page's rows.
      int[] indexes = columns.stream().mapToInt(Integer::intValue).toArray();
      return new SortPlan(List.copyOf(columns), List.copyOf(descending), Pager.signature(model, columns, descending),
          List.copyOf(kinds), shape.toString(), indexes);
    }
  }

  /**
   * The page of {@code query}, each row mapped by {@code map} as it is read (one pass from the result set into the
   * caller's type, no list of column-value rows in between). {@code map} gets a fresh array of canonical values in
   * column order and may overwrite it; it must not return {@code null}.
   */
  static <T> Page<T> page(TableEngine engine, Query query, Function<Object[], T> map) throws SQLException {
    int maxPageSize = engine.context.config.maxPageSize();
    TableModel model = engine.model;
    if (query.pageSize() > maxPageSize) {
      throw new InvalidInputException("PAGE_SIZE_TOO_LARGE", "page size " + query.pageSize() + " for table "
          + model.name() + " is above the maximum of " + maxPageSize,
          Map.of("table", model.name(), "maxPageSize", maxPageSize), null);
    }
    QueryRenderer renderer = new QueryRenderer(engine.resolver, engine.context.dialect);
    boolean keyset = query.after() != null;
    TableStatements statements = engine.statements();
    SortPlan plan = statements.sortPlan(query.sort(), sort -> SortPlan.of(model, renderer, sort));
    List<Integer> columns = plan.columns();
    List<Boolean> descending = plan.descending();
    // Checks the filter and collects its values; the condition itself is only built on a cache miss.
    renderer.collectBinds(query.filter());
    String signature = plan.signature();
    List<Object> after = null;
    StringBuilder afterShape = new StringBuilder();
    if (keyset) {
      if (!model.hasKey()) {
        engine.requireKey();
      }
      after = Cursors.decode(query.after(), signature, plan.kinds(), model.name());
      // The keyset condition differs by which cursor values are NULL.
      after.forEach(value -> afterShape.append(value == null ? 'n' : 'v'));
    }
    boolean offset = !keyset && query.offset() > 0;
    String shape = shape(query, plan, keyset, offset) + afterShape;
    RenderedQueries.Rendered rendered = statements.rendered().cached(shape);
    Render.Sql sql;
    if (rendered != null) {
      if (keyset) {
        renderer.collectAfterBinds(columns, descending, after);
      }
      renderer.collectBind(query.pageSize() + 1);
      if (offset) {
        renderer.collectBind(query.offset());
      }
      sql = rendered.bind(renderer.binds());
    } else {
      sql = render(engine, query, columns, descending, after, offset, shape);
    }
    int[] positionColumns = model.hasKey() ? plan.columnIndexes() : null;
    // One row more than the page is asked for; the driver only steps onto it, to learn that a next page exists.
    TableEngine.MappedPage<T> read = engine.selectPage(sql, query.pageSize(), positionColumns, map);
    Supplier<Cursor> next = null;
    if (read.more() && positionColumns != null) {
      // The position was taken from the last row before it was mapped; a byte array is copied, since the caller
      // holds the same array in the mapped row and may change it before asking for the cursor.
      List<Object> values = new ArrayList<>(positionColumns.length);
      for (Object value : read.lastPosition()) {
        values.add(value instanceof byte[] bytes ? bytes.clone() : value);
      }
      next = () -> Cursors.encode(signature, values);
    }
    OptionalLong total = query.countTotal() ? OptionalLong.of(engine.count(query.filter())) : OptionalLong.empty();
    return Page.withNextFrom(read.items(), keyset ? 1 : query.page(), query.pageSize(), total, next);
  }

  /** Builds the page's SELECT with jOOQ, renders it and keeps it for {@code shape}; binds in creation order. */
  private static Render.Sql render(TableEngine engine, Query query, List<Integer> columns, List<Boolean> descending,
      List<Object> after, boolean offset, String shape) {
    TableModel model = engine.model;
    QueryRenderer renderer = new QueryRenderer(engine.resolver, engine.context.dialect);
    Condition condition = renderer.condition(query.filter());
    if (after != null) {
      condition = condition.and(renderer.after(columns, descending, after));
    }
    var select = engine.context.dsl.select(Render.columns(model)).from(Render.table(model))
        .where(condition).orderBy(renderer.orderBy(columns, descending))
        .limit(renderer.bindTyped(query.pageSize() + 1));
    return engine.statements().rendered().sql(shape, engine.context.dsl,
        offset ? select.offset(renderer.bindTyped(query.offset())) : select, renderer.binds());
  }

  private static String shape(Query query, SortPlan plan, boolean after, boolean offset) {
    StringBuilder shape = new StringBuilder(64).append("select|");
    RenderedQueries.shape(query.filter(), shape);
    shape.append('|').append(plan.shape());
    shape.append(after ? "|after" : "").append(offset ? "|offset" : "");
    return shape.toString();
  }

  /** One direction per sort column; columns past {@code sort} (the key) take the last key's direction. */
  static List<Boolean> directions(List<Sort> sort, int size) {
    List<Boolean> descending = new ArrayList<>(size);
    for (Sort key : sort) {
      descending.add(key.descending());
    }
    boolean lastDescending = !sort.isEmpty() && sort.getLast().descending();
    while (descending.size() < size) {
      descending.add(lastDescending);
    }
    return descending;
  }

  private static String signature(TableModel model, List<Integer> columns, List<Boolean> descending) {
    StringBuilder spec = new StringBuilder(model.name());
    for (int i = 0; i < columns.size(); i++) {
      spec.append('|').append(model.column(columns.get(i)).name()).append(descending.get(i) ? ":d" : ":a");
    }
    return Integer.toHexString(spec.toString().hashCode());
  }
}
