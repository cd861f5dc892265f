package dev.cairn.sql.internal;

import dev.cairn.sql.Dialect;
import dev.cairn.sql.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The SQL of a table's hot paths, rendered once by jOOQ and reused with plain PreparedStatements: this is what
 * keeps the typed layer close to raw JDBC. Placeholders bind in column order, the key last where it appears in
 * a WHERE clause. Thread-safe.
 */
final class TableStatements {
  final String insertAll;
  final String insertWithoutKey;
  final String selectByKey;
  final String existsByKey;
  final String deleteByKey;
  final String updateAllByKey;
  final String upsert;
  final String selectList;
  private final DSLContext dsl;
  private final TableModel model;
  private final boolean returning;
  private final Map<List<Integer>, String> updatesByColumns = new ConcurrentHashMap<>();
  private final Map<List<Integer>, String> plainUpdatesByColumns = new ConcurrentHashMap<>();
  private final RenderedQueries rendered = new RenderedQueries();
  /** Resolved sorts by sort list, bounded: a sort list can come from a request (the admin API's sort_by). */
  private final Map<List<Sort>, Pager.SortPlan> sortPlans = new ConcurrentHashMap<>();
  private static final int SORT_PLAN_LIMIT = 256;
  /** The sort list of the last lookup and its plan, compared by identity; racy by design (a miss is only slower). */
  private volatile LastSort lastSort;

  private record LastSort(List<Sort> sort, Pager.SortPlan plan) {}

  TableStatements(DSLContext dsl, Dialect dialect, TableModel model) {
    this.dsl = dsl;
    this.model = model;
    // MariaDB/MySQL have no UPDATE ... RETURNING; there the row is read back with a second statement.
    this.returning = dialect == Dialect.POSTGRESQL || dialect == Dialect.SQLITE;
    org.jooq.Table<?> table = Render.table(model);
    selectList = Render.columnList(dsl, model);
    insertAll = insert(table, allColumns());
    List<Integer> withoutKey = nonKeyColumns();
    insertWithoutKey = model.hasKey() ? insert(table, withoutKey) : insertAll;
    if (model.hasKey()) {
      Field<Object> key = Render.column(model.key().name());
      selectByKey = "select " + selectList + " from " + dsl.render(table) + " where " + dsl.render(key) + " = ?";
      existsByKey = "select 1 from " + dsl.render(table) + " where " + dsl.render(key) + " = ?";
      deleteByKey = Render.text(dsl.deleteFrom(table).where(key.eq(Render.placeholder(0))));
      updateAllByKey = withoutKey.isEmpty() ? null : update(withoutKey);
      upsert = upsert(table, key, withoutKey);
    } else {
      selectByKey = null;
      existsByKey = null;
      deleteByKey = null;
      updateAllByKey = null;
      upsert = null;
    }
  }

  /** Rendered dynamic queries of this table, by shape. */
  RenderedQueries rendered() {
    return rendered;
  }

  /**
   * The plan of {@code sort} on this table, made by {@code make} on first use and kept while fewer than
   * {@link #SORT_PLAN_LIMIT} are. A plan depends on the model alone (typed tables and dynamic rows both resolve
   * names through it), so both share it, as they share {@link #rendered}. A sort naming an unknown column throws
   * from {@code make} every time, and nothing is kept for it.
   */
  Pager.SortPlan sortPlan(List<Sort> sort, java.util.function.Function<List<Sort>, Pager.SortPlan> make) {
    // A query kept in a constant, and the pages made from it, hand over the same list every time; hashing and
    // comparing it in the map was in 10 of the 211 samples of Cairn's side in a PostgreSQL page_first profile.
    LastSort last = lastSort;
    if (last != null && last.sort() == sort) {
      return last.plan();
    }
    Pager.SortPlan plan = sortPlans.get(sort);
    if (plan != null) {
      lastSort = new LastSort(sort, plan);
    } else {
      plan = make.apply(sort);
      if (sortPlans.size() < SORT_PLAN_LIMIT) {
        sortPlans.putIfAbsent(List.copyOf(sort), plan);
      }
    }
    return plan;
  }

  boolean updateReturnsRow() {
    return returning;
  }

  /** UPDATE of the given columns by key, with RETURNING of every column where the dialect has it. */
  String update(List<Integer> columns) {
    return updatesByColumns.computeIfAbsent(List.copyOf(columns),
        key -> returning ? renderUpdate(key) + " returning " + selectList : renderUpdate(key));
  }

  /** UPDATE of the given columns by key, returning nothing on every dialect. */
  String updateWithoutReturning(List<Integer> columns) {
    return plainUpdatesByColumns.computeIfAbsent(List.copyOf(columns), this::renderUpdate);
  }

  private String renderUpdate(List<Integer> columns) {
    Map<Field<?>, Object> sets = new java.util.LinkedHashMap<>();
    int index = 0;
    for (int column : columns) {
      sets.put(Render.column(model.column(column).name()), Render.placeholder(index++));
    }
    UpdateSetMoreStep<?> update = dsl.update(Render.table(model)).set(sets);
    return Render.text(update.where(Render.column(model.key().name()).eq(Render.placeholder(index))));
  }

  private String insert(org.jooq.Table<?> table, List<Integer> columns) {
    Map<Field<?>, Object> sets = new java.util.LinkedHashMap<>();
    int index = 0;
    for (int column : columns) {
      sets.put(Render.column(model.column(column).name()), Render.placeholder(index++));
    }
    InsertSetMoreStep<?> insert = dsl.insertInto(table).set(sets);
    return Render.text(insert);
  }

  private String upsert(org.jooq.Table<?> table, Field<Object> key, List<Integer> nonKey) {
    var insert = dsl.insertInto(table).columns(Render.columns(model))
        .values(placeholders(model.size()));
    if (nonKey.isEmpty()) {
      return Render.text(insert.onConflict(key).doNothing());
    }
    Map<Field<?>, Field<?>> updates = new java.util.LinkedHashMap<>();
    for (int column : nonKey) {
      Field<Object> field = Render.column(model.column(column).name());
      updates.put(field, DSL.excluded(field));
    }
    return Render.text(insert.onConflict(key).doUpdate().set(updates));
  }

  private static List<Field<?>> placeholders(int count) {
    List<Field<?>> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(Render.placeholder(i));
    }
    return values;
  }

  List<Integer> allColumns() {
    List<Integer> all = new ArrayList<>(model.size());
    for (int i = 0; i < model.size(); i++) {
      all.add(i);
    }
    return all;
  }

  List<Integer> nonKeyColumns() {
    List<Integer> columns = new ArrayList<>(model.size());
    for (int i = 0; i < model.size(); i++) {
      if (i != model.keyIndex()) {
        columns.add(i);
      }
    }
    return columns;
  }
}
