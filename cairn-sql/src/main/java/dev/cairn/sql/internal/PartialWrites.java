package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Writes of dynamic rows that name only some columns: columns left out keep their database defaults. Rendered
 * per call (admin traffic, not a hot path).
 */
final class PartialWrites {
  private PartialWrites() {}

  /** A full-width row (absent columns NULL) for batch inserts, which need one statement shape. */
  static Object[] fullRow(TableEngine engine, Map<String, ?> row) {
    Object[] values = new Object[engine.model.size()];
    for (Map.Entry<String, ?> entry : row.entrySet()) {
      int index = engine.resolver.indexOf(entry.getKey());
      values[index] = engine.resolver.coerce(index, entry.getValue());
    }
    return values;
  }

  static Object[] insert(TableEngine engine, Map<String, ?> row) throws SQLException {
    TableModel model = engine.model;
    Map<Integer, Object> values = columns(engine, row);
    Dialect dialect = engine.context.dialect;
    boolean generate = model.keyStrategy() == KeyStrategy.IDENTITY && values.get(model.keyIndex()) == null;
    values.remove(model.keyIndex(), null);
    List<Field<?>> fields = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    values.forEach((index, value) -> {
      fields.add(Render.column(model.column(index).name()));
      binds.add(model.column(index).kind().bindForm(value, dialect));
    });
    String sql = fields.isEmpty()
        ? Render.text(engine.context.dsl.insertInto(Render.table(model)).defaultValues())
        : Render.text(engine.context.dsl.insertInto(Render.table(model)).columns(fields)
            .values(placeholders(fields.size())));
    return engine.executor.atomic(connection -> {
      Object key = model.hasKey() ? values.get(model.keyIndex()) : null;
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql,
            generate ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS,
            generate && dialect == Dialect.POSTGRESQL ? model.key().name() : null);
        Jdbc.bindAll(statement, binds);
        statement.executeUpdate();
        if (generate) {
          try (ResultSet keys = statement.getGeneratedKeys()) {
            key = keys.next() ? keys.getLong(1) : null;
          }
        }
      }
      if (key == null) {
        Object[] stored = new Object[model.size()];
        values.forEach((index, value) -> stored[index] = value);
        return stored;
      }
      Object boundKey = model.key().kind().bindForm(key, dialect);
      {
        PreparedStatement select = StatementCache.prepare(connection, engine.statements().selectByKey);
        Jdbc.bind(select, 1, boundKey);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next() ? engine.readRow(rs) : null;
        }
      }
    });
  }

  static Object[] upsert(TableEngine engine, Map<String, ?> row) throws SQLException {
    engine.requireKey();
    TableModel model = engine.model;
    Map<Integer, Object> values = columns(engine, row);
    if (values.get(model.keyIndex()) == null) {
      return insert(engine, row);
    }
    Dialect dialect = engine.context.dialect;
    List<Field<?>> fields = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
    values.forEach((index, value) -> {
      Field<Object> field = Render.column(model.column(index).name());
      fields.add(field);
      binds.add(model.column(index).kind().bindForm(value, dialect));
      if (index != model.keyIndex()) {
        updates.put(field, DSL.excluded(field));
      }
    });
    var insert = engine.context.dsl.insertInto(Render.table(model)).columns(fields)
        .values(placeholders(fields.size())).onConflict(Render.column(model.key().name()));
    String sql = Render.text(updates.isEmpty() ? insert.doNothing() : insert.doUpdate().set(updates));
    Object boundKey = model.key().kind().bindForm(values.get(model.keyIndex()), dialect);
    return engine.executor.atomic(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql);
        Jdbc.bindAll(statement, binds);
        statement.executeUpdate();
      }
      {
        PreparedStatement select = StatementCache.prepare(connection, engine.statements().selectByKey);
        Jdbc.bind(select, 1, boundKey);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next() ? engine.readRow(rs) : null;
        }
      }
    });
  }

  private static Map<Integer, Object> columns(TableEngine engine, Map<String, ?> row) {
    if (row == null || row.isEmpty()) {
      throw DynamicRows.emptyRow(engine.model.name());
    }
    Map<Integer, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : row.entrySet()) {
      int index = engine.resolver.indexOf(entry.getKey());
      if (values.containsKey(index)) {
        throw new InvalidInputException("DUPLICATE_COLUMN", "column " + engine.model.name() + "."
            + engine.model.column(index).name() + " is given twice", Map.of("table", engine.model.name()), null);
      }
      Object canonical = engine.resolver.coerce(index, entry.getValue());
      if (index != engine.model.keyIndex()) {
        engine.requireNullable(index, canonical);
      }
      values.put(index, canonical);
    }
    return values;
  }

  private static List<Field<?>> placeholders(int count) {
    List<Field<?>> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(Render.placeholder(i));
    }
    return fields;
  }
}
