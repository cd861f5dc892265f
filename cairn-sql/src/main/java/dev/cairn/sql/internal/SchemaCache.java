package dev.cairn.sql.internal;

import dev.cairn.core.NotFoundException;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Schema.IndexInfo;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cached table models for dynamic rows. A name that is not cached causes one re-introspection (so tables
 * created by others are seen); a name still unknown is NOT_FOUND {@code TABLE_NOT_FOUND} listing the tables.
 * {@link #invalidate()} drops everything after DDL. Thread-safe; a race only costs a duplicate read.
 */
final class SchemaCache {
  private final SqlContext context;
  private final Map<String, TableModel> models = new ConcurrentHashMap<>();
  private final Map<String, List<IndexInfo>> indexes = new ConcurrentHashMap<>();
  /** Per table, its array columns and their declared types ({@code _int4}), for naming a column in errors. */
  private final Map<String, Map<String, String>> arrayTypes = new ConcurrentHashMap<>();

  SchemaCache(SqlContext context) {
    this.context = context;
  }

  void invalidate() {
    models.clear();
    indexes.clear();
    arrayTypes.clear();
  }

  /** The model of an existing table; {@code fresh} forces a re-read (after a column miss). */
  TableModel model(String table, Executor executor, boolean fresh) throws SQLException {
    TableModel cached = fresh ? null : models.get(table);
    if (cached != null) {
      return cached;
    }
    return executor.read(connection -> {
      CatalogReader reader = new CatalogReader(connection, context.dialect, context.dsl);
      List<String> tables = reader.tables();
      if (!tables.contains(table)) {
        if (reader.views().contains(table)) {
          TableModel view = build(table, reader.columns(table), List.of(), List.of()).asView();
          models.put(table, view);
          return view;
        }
        TableModel other = otherSchema(connection, table);
        if (other != null) {
          models.put(table, other);
          return other;
        }
        throw notFound(table, tables);
      }
      List<String> key = reader.primaryKey(table);
      List<IndexInfo> tableIndexes = reader.indexes(table, key);
      indexes.put(table, tableIndexes);
      TableModel model = build(table, reader.columns(table), key, tableIndexes);
      models.put(table, model);
      return model;
    });
  }

  /**
   * {@code schema.table} on a server: the table (or view) of another PostgreSQL schema or MariaDB database, when
   * there is one by that name; else {@code null}.
   */
  private TableModel otherSchema(java.sql.Connection connection, String qualified) throws SQLException {
    int dot = qualified.indexOf('.');
    if (context.dialect == Dialect.SQLITE || dot <= 0 || dot == qualified.length() - 1) {
      return null;
    }
    String schema = qualified.substring(0, dot);
    String name = qualified.substring(dot + 1);
    CatalogReader other = new CatalogReader(connection, context.dialect, context.dsl, schema);
    if (other.tables().contains(name)) {
      List<String> key = other.primaryKey(name);
      List<IndexInfo> otherIndexes = other.indexes(name, key);
      return build(qualified, other.columns(name), key, otherIndexes).inSchema(schema);
    }
    if (other.views().contains(name)) {
      return build(qualified, other.columns(name), List.of(), List.of()).asView().inSchema(schema);
    }
    return null;
  }

  static NotFoundException notFound(String table, List<String> tables) {
    String shown = Identifiers.shown(table);
    return new NotFoundException("TABLE_NOT_FOUND", "table '" + shown + "' does not exist (available: "
        + String.join(", ", tables) + ")", Map.of("table", shown, "available", tables,
        // The seed's names for the same two facts, so clients of either contract read them.
        "table_name", shown, "available_tables", tables), null);
  }

  /** Columns of a named index or unique constraint, for error messages; empty when unknown. */
  List<String> indexColumns(String table, String keyName) {
    if ("PRIMARY".equals(keyName) && table != null && models.containsKey(table)) {
      TableModel model = models.get(table);
      return model.hasKey() ? List.of(model.key().name()) : List.of();
    }
    for (var entry : indexes.entrySet()) {
      if (table == null || table.equals(entry.getKey())) {
        for (IndexInfo index : entry.getValue()) {
          if (index.name().equals(keyName)) {
            return index.columns();
          }
        }
      }
    }
    String prefix = table == null ? "uk_" : Ddl.uniqueName(table, "");
    return keyName.startsWith(prefix) && table != null ? List.of(keyName.substring(prefix.length())) : List.of();
  }

  /** The array columns of a table read before (column name to declared type, such as {@code _int4}). */
  Map<String, String> arrayColumns(String table) {
    return table == null ? Map.of() : arrayTypes.getOrDefault(table, Map.of());
  }

  private TableModel build(String table, List<ColumnInfo> columns, List<String> key, List<IndexInfo> tableIndexes) {
    List<ColumnModel> models = new ArrayList<>();
    Map<String, String> arrays = new java.util.LinkedHashMap<>();
    for (ColumnInfo column : columns) {
      if (column.jdbcType() == Types.ARRAY && column.type() != null) {
        arrays.put(column.name(), column.type());
      }
    }
    arrayTypes.put(table, Map.copyOf(arrays));
    int keyIndex = -1;
    KeyStrategy strategy = KeyStrategy.NONE;
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo column = columns.get(i);
      boolean unique = tableIndexes.stream().anyMatch(index -> index.unique()
          && index.columns().equals(List.of(column.name())));
      models.add(new ColumnModel(column.name(), kind(column), column.nullable(), 0, unique, false, null));
      if (key.size() == 1 && key.getFirst().equals(column.name())) {
        keyIndex = i;
        boolean generated = column.autoIncrement()
            || (context.dialect == Dialect.SQLITE && column.type() != null
                && column.type().equalsIgnoreCase("integer"));
        strategy = generated ? KeyStrategy.IDENTITY : KeyStrategy.ASSIGNED;
      }
    }
    return new TableModel(table, models, keyIndex, strategy, List.of());
  }

  private ValueKind kind(ColumnInfo column) {
    String type = column.type() == null ? "" : column.type().toLowerCase(Locale.ROOT);
    if (context.dialect == Dialect.SQLITE) {
      return sqliteKind(type);
    }
    if (type.equals("json") || type.equals("jsonb")) {
      return ValueKind.JSON;
    }
    return switch (column.jdbcType()) {
      case Types.ARRAY -> ValueKind.ARRAY;
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ValueKind.LONG;
      case Types.BIT, Types.BOOLEAN -> ValueKind.BOOLEAN;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> ValueKind.DOUBLE;
      case Types.NUMERIC, Types.DECIMAL -> ValueKind.DECIMAL;
      case Types.DATE -> ValueKind.LOCAL_DATE;
      case Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.INSTANT;
      case Types.TIMESTAMP -> type.startsWith("timestamp") && !type.contains("tz")
          && context.dialect == Dialect.POSTGRESQL ? ValueKind.LOCAL_DATE_TIME : ValueKind.INSTANT;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BYTES;
      default -> type.equals("uuid") ? ValueKind.UUID_KIND : ValueKind.STRING;
    };
  }

  private static ValueKind sqliteKind(String type) {
    if (type.equals("json") || type.equals("jsonb")) {
      return ValueKind.JSON;
    }
    if (type.startsWith("timestamp")) {
      return ValueKind.INSTANT;
    }
    if (type.startsWith("datetime")) {
      return ValueKind.LOCAL_DATE_TIME;
    }
    if (type.equals("date")) {
      return ValueKind.LOCAL_DATE;
    }
    if (type.contains("int")) {
      return ValueKind.LONG;
    }
    if (type.contains("char") || type.contains("clob") || type.contains("text")) {
      return ValueKind.STRING;
    }
    if (type.contains("blob")) {
      return ValueKind.BYTES;
    }
    if (type.contains("real") || type.contains("floa") || type.contains("doub")) {
      return ValueKind.DOUBLE;
    }
    if (type.contains("bool")) {
      return ValueKind.BOOLEAN;
    }
    if (type.contains("dec") || type.contains("num")) {
      return ValueKind.DECIMAL;
    }
    return ValueKind.STRING;
  }
}
