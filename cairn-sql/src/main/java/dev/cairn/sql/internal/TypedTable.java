package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Result;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Table;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link Table} over a record type: converts records to engine rows and back. Thread-safe, cheap to create. */
final class TypedTable<T extends Record> implements Table<T> {
  private final RecordMapping<T> mapping;
  private final TableEngine engine;

  TypedTable(SqlContext context, RecordMapping<T> mapping, Executor executor) {
    this.mapping = mapping;
    this.engine = new TableEngine(context, new Resolver(mapping), executor);
  }

  private record Resolver(RecordMapping<?> mapping) implements ColumnResolver {
    @Override
    public TableModel model() {
      return mapping.model();
    }

    @Override
    public Object coerce(int index, Object value) {
      return mapping.codec(index).coerce(value, mapping.model().name(), mapping.model().column(index).name());
    }
  }

  @Override
  public String name() {
    return mapping.model().name();
  }

  @Override
  public Result<Void> create() {
    return engine.context.observation.observed("create", () -> {
      SqlContext context = engine.context;
      List<String> statements = Ddl.create(context.dsl, context.dialect, mapping.model());
      Result<Void> result = engine.run(() -> engine.executor.atomic(connection -> execute(connection, statements)));
      context.schemaCache.invalidate();
      return result;
    });
  }

  @Override
  public Result<Void> drop() {
    return engine.context.observation.observed("drop", () -> {
      String sql = Ddl.drop(engine.context.dsl, mapping.model());
      Result<Void> result = engine.run(() -> engine.executor.atomic(connection -> execute(connection, List.of(sql))));
      engine.context.schemaCache.invalidate();
      return result;
    });
  }

  private static Void execute(Connection connection, List<String> statements) throws java.sql.SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return null;
  }

  @Override
  public Result<T> insert(T row) {
    return engine.context.observation.observed("insert", () -> {
      Objects.requireNonNull(row, "row");
      return engine.run(() -> mapping.fromRow(engine.insert(checked(row))));
    });
  }

  @Override
  public Result<Integer> insertAll(List<T> rows) {
    return engine.context.observation.observed("insert_all", () -> {
      return engine.run(() -> {
        List<Object[]> converted = new ArrayList<>(rows.size());
        for (T row : rows) {
          converted.add(checked(Objects.requireNonNull(row, "row")));
        }
        return engine.insertAll(converted);
      });
    });
  }

  @Override
  public Result<T> upsert(T row) {
    return engine.context.observation.observed("upsert", () -> {
      Objects.requireNonNull(row, "row");
      return engine.run(() -> mapping.fromRow(engine.upsert(checked(row))));
    });
  }

  @Override
  public Result<T> find(Object id) {
    return engine.context.observation.observed("find", () -> found(engine.run(() -> engine.find(id))));
  }

  @Override
  public Result<Long> stream(Filter filter, java.util.function.Consumer<? super T> each) {
    return engine.context.observation.observed("stream", () -> {
      Objects.requireNonNull(each, "each");
      return engine.run(() -> engine.stream(filter, row -> each.accept(mapping.fromRow(row))));
    });
  }

  @Override
  public Result<Page<T>> query(Query query) {
    return engine.context.observation.observed("query", () -> {
      return engine.run(() -> Pager.page(engine, query, mapping::fromRow));
    });
  }

  @Override
  public Result<Long> count(Filter filter) {
    return engine.context.observation.observed("count", () -> engine.run(() -> engine.count(filter)));
  }

  @Override
  public Result<Boolean> exists(Object id) {
    return engine.context.observation.observed("exists", () -> engine.run(() -> engine.exists(id)));
  }

  @Override
  public Result<T> update(Object id, Map<String, ?> changes) {
    return engine.context.observation.observed("update", () -> found(engine.run(() -> engine.update(id, changes))));
  }

  @Override
  public Result<Integer> updateCount(Object id, Map<String, ?> changes) {
    return engine.context.observation.observed("update_count", () ->
        engine.run(() -> engine.updateCount(id, changes)));
  }

  @Override
  public Result<T> update(T row) {
    return engine.context.observation.observed("update", () -> {
      Objects.requireNonNull(row, "row");
      return found(engine.run(() -> {
        engine.requireKey();
        Object[] values = checked(row);
        if (values[mapping.model().keyIndex()] == null) {
          throw new InvalidInputException("INVALID_VALUE", "update(row) on " + name() + " needs the row's key",
              Map.of("table", name()), null);
        }
        return engine.updateRow(values);
      }));
    });
  }

  @Override
  public Result<Integer> updateWhere(Filter filter, Map<String, ?> changes) {
    return engine.context.observation.observed("update_where", () ->
        engine.run(() -> engine.updateWhere(filter, changes)));
  }

  @Override
  public Result<Void> delete(Object id) {
    return engine.context.observation.observed("delete", () -> {
      Result<Boolean> deleted = engine.run(() -> engine.delete(id));
      return switch (deleted) {
        case Result.Ok<Boolean>(Boolean hit) -> hit ? Result.ok(null) : TableEngine.notFound(name(), id);
        case Result.Failure<Boolean> failure -> failure.cast();
      };
    });
  }

  @Override
  public Result<Integer> deleteWhere(Filter filter) {
    return engine.context.observation.observed("delete_where", () -> engine.run(() -> engine.deleteWhere(filter)));
  }

  /** Record to row, refusing NULL in NOT NULL columns before the database sees it. */
  private Object[] checked(T row) {
    Object[] values = mapping.toRow(row);
    for (int i = 0; i < values.length; i++) {
      engine.requireNullable(i, values[i]);
    }
    return values;
  }

  private Result<T> found(Result<Object[]> row) {
    return switch (row) {
      case Result.Ok<Object[]>(Object[] values) when values == null -> TableEngine.notFound(name(), null);
      case Result.Ok<Object[]>(Object[] values) -> mapped(values);
      case Result.Failure<Object[]> failure -> failure.cast();
    };
  }

  /** A stored value the record cannot hold (malformed JSON, unknown enum constant) is a Failure, not a throw. */
  private Result<T> mapped(Object[] values) {
    try {
      return Result.ok(mapping.fromRow(values));
    } catch (dev.cairn.core.CairnException e) {
      return Result.failure(e);
    }
  }
}
