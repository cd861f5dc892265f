package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Result;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link Rows} over the introspected model of an existing table. The model is looked up on each call (from the
 * cache), so an unknown table fails on use, and a column miss re-reads the model once before failing.
 */
final class DynamicRows implements Rows {
  private final SqlContext context;
  private final String table;
  private final Executor executor;

  DynamicRows(SqlContext context, String table, Executor executor) {
    this.context = context;
    this.table = Objects.requireNonNull(table, "table");
    this.executor = executor;
  }

  @FunctionalInterface
  private interface EngineOperation<R> {
    R run(TableEngine engine) throws SQLException;
  }

  private record Resolver(TableModel model) implements ColumnResolver {
    @Override
    public Object coerce(int index, Object value) {
      return model.column(index).kind().coerce(value, model.name(), model.column(index).name());
    }
  }

  /** A write: refused on a view before any SQL, with an error that says so (databases differ in theirs). */
  private <R> Result<R> write(EngineOperation<R> operation) {
    return run(engine -> {
      if (engine.model.isView()) {
        throw new InvalidInputException("VIEW_READ_ONLY", Identifiers.shown(table)
            + " is a view: it can be read but not written through Cairn", Map.of("table", Identifiers.shown(table)),
            null);
      }
      return operation.run(engine);
    });
  }

  private <R> Result<R> run(EngineOperation<R> operation) {
    Result<R> result = attempt(operation, false);
    // A cached model may be stale when others changed the table: re-read it once, then believe the answer.
    boolean stale = result instanceof Result.Failure<R> failure && (failure.code().equals("COLUMN_NOT_FOUND")
        || (failure.code().equals("TABLE_NOT_FOUND") && failure.cause() instanceof java.sql.SQLException));
    return stale ? attempt(operation, true) : result;
  }

  private <R> Result<R> attempt(EngineOperation<R> operation, boolean fresh) {
    TableEngine[] engine = new TableEngine[1];
    Result<TableModel> model = new TableEngine(context, new Resolver(placeholderModel()), executor)
        .run(() -> context.schemaCache.model(table, executor, fresh));
    if (model instanceof Result.Failure<TableModel> failure) {
      return failure.cast();
    }
    engine[0] = new TableEngine(context, new Resolver(model.orElseThrow()), executor);
    return engine[0].run(() -> operation.run(engine[0]));
  }

  private TableModel placeholderModel() {
    return new TableModel(Identifiers.shown(table), List.of(), -1, KeyStrategy.NONE, List.of());
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public Result<Map<String, Object>> insert(Map<String, ?> row) {
    return context.observation.observed("insert", () ->
        write(engine -> toMap(engine.model, PartialWrites.insert(engine, row))));
  }

  @Override
  public Result<Integer> insertAll(List<? extends Map<String, ?>> rows) {
    return context.observation.observed("insert_all", () -> {
      return write(engine -> {
        List<Object[]> converted = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
          converted.add(PartialWrites.fullRow(engine, row));
        }
        return engine.insertAll(converted);
      });
    });
  }

  @Override
  public Result<Map<String, Object>> upsert(Map<String, ?> row) {
    return context.observation.observed("upsert", () ->
        write(engine -> toMap(engine.model, PartialWrites.upsert(engine, row))));
  }

  @Override
  public Result<Map<String, Object>> find(Object id) {
    return context.observation.observed("find", () -> found(run(engine -> toMap(engine.model, engine.find(id)))));
  }

  @Override
  public Result<Page<Map<String, Object>>> query(Query query) {
    return context.observation.observed("query", () -> {
      return run(engine -> Pager.page(engine, query, row -> toMap(engine.model, row)));
    });
  }

  @Override
  public Result<Long> stream(Filter filter, java.util.function.Consumer<? super Map<String, Object>> each) {
    return context.observation.observed("stream", () -> {
      Objects.requireNonNull(each, "each");
      return run(engine -> engine.stream(filter, row -> each.accept(toMap(engine.model, row))));
    });
  }

  @Override
  public Result<Long> stream(Query query, java.util.function.Consumer<? super Map<String, Object>> each) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(each, "each");
    return run(engine -> engine.stream(query.filter(), query.sort(),
        row -> each.accept(toMap(engine.model, row))));
  }

  @Override
  public Result<Long> count(Filter filter) {
    return context.observation.observed("count", () -> run(engine -> engine.count(filter)));
  }

  @Override
  public Result<Boolean> exists(Object id) {
    return context.observation.observed("exists", () -> run(engine -> engine.exists(id)));
  }

  @Override
  public Result<Map<String, Object>> update(Object id, Map<String, ?> changes) {
    return context.observation.observed("update", () ->
        found(write(engine -> toMap(engine.model, engine.update(id, changes)))));
  }

  @Override
  public Result<Integer> updateCount(Object id, Map<String, ?> changes) {
    return context.observation.observed("update_count", () -> write(engine -> engine.updateCount(id, changes)));
  }

  @Override
  public Result<Integer> updateWhere(Filter filter, Map<String, ?> changes) {
    return context.observation.observed("update_where", () -> write(engine -> engine.updateWhere(filter, changes)));
  }

  @Override
  public Result<Void> delete(Object id) {
    return context.observation.observed("delete", () -> {
      Result<Boolean> deleted = write(engine -> engine.delete(id));
      return switch (deleted) {
        case Result.Ok<Boolean>(Boolean hit) -> hit ? Result.ok(null) : TableEngine.notFound(table, id);
        case Result.Failure<Boolean> failure -> failure.cast();
      };
    });
  }

  @Override
  public Result<Integer> deleteWhere(Filter filter) {
    return context.observation.observed("delete_where", () -> write(engine -> engine.deleteWhere(filter)));
  }

  private Result<Map<String, Object>> found(Result<Map<String, Object>> row) {
    return switch (row) {
      case Result.Ok<Map<String, Object>>(Map<String, Object> values) when values == null ->
          TableEngine.notFound(table, null);
      default -> row;
    };
  }

  private static Map<String, Object> toMap(TableModel model, Object[] row) {
    if (row == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < row.length; i++) {
      map.put(model.column(i).name(), row[i]);
    }
    return map;
  }

  static InvalidInputException emptyRow(String table) {
    return new InvalidInputException("EMPTY_ROW", "a row for table " + table + " needs at least one column",
        Map.of("table", table), null);
  }
}
