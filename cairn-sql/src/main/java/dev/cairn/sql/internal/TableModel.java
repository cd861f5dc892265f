package dev.cairn.sql.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as the CRUD engine sees it: columns in order, the key column and how it is generated, and the names
 * callers may use for each column (the stored name, plus the record component name for typed tables).
 * Immutable.
 */
final class TableModel {
  private final String name;
  private final List<ColumnModel> columns;
  private final int keyIndex;
  private final KeyStrategy keyStrategy;
  private final Map<String, Integer> indexByName = new HashMap<>();
  private boolean view;
  private String schema;

  TableModel(String name, List<ColumnModel> columns, int keyIndex, KeyStrategy keyStrategy, List<String> aliases) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.keyIndex = keyIndex;
    this.keyStrategy = keyStrategy;
    for (int i = 0; i < this.columns.size(); i++) {
      indexByName.put(this.columns.get(i).name(), i);
    }
    for (int i = 0; i < aliases.size(); i++) {
      indexByName.putIfAbsent(aliases.get(i), i);
    }
  }

  /** This model marked as a view's: readable, never written (see {@link DynamicRows}). */
  TableModel asView() {
    TableModel copy = new TableModel(name, columns, -1, KeyStrategy.NONE, List.of());
    copy.view = true;
    return copy;
  }

  /**
   * This model as a table of another schema (PostgreSQL) or database (MariaDB): its name stays {@code schema.table}
   * for messages, and {@link Render#table(TableModel)} quotes the two parts apart.
   */
  TableModel inSchema(String otherSchema) {
    TableModel copy = new TableModel(name, columns, keyIndex, keyStrategy, List.of());
    copy.view = view;
    copy.schema = otherSchema;
    return copy;
  }

  /** The schema (database on MariaDB) of a table outside the current one, else {@code null}. */
  String schema() {
    return schema;
  }

  boolean isView() {
    return view;
  }

  String name() {
    return name;
  }

  List<ColumnModel> columns() {
    return columns;
  }

  ColumnModel column(int index) {
    return columns.get(index);
  }

  int size() {
    return columns.size();
  }

  /** Index of the key column, or -1 when the table has no single-column key. */
  int keyIndex() {
    return keyIndex;
  }

  KeyStrategy keyStrategy() {
    return keyStrategy;
  }

  boolean hasKey() {
    return keyIndex >= 0;
  }

  ColumnModel key() {
    return columns.get(keyIndex);
  }

  /** The column index for a stored or component name, or -1. */
  int indexOf(String columnName) {
    Integer index = indexByName.get(columnName);
    return index == null ? -1 : index;
  }

  List<String> columnNames() {
    return columns.stream().map(ColumnModel::name).toList();
  }
}
