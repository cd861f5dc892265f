package dev.cairn.sql;

import dev.cairn.core.Result;
import java.util.List;

/**
 * Introspection of a live database: what tables exist and what they look like. Reads the catalog every call (no
 * cache), so it sees tables created by others. Thread-safe.
 */
public interface Schema {

  /** The names of the user tables, sorted. */
  Result<List<String>> tables();

  /** One table described; NOT_FOUND {@code TABLE_NOT_FOUND} listing the available tables if it does not exist. */
  Result<TableInfo> table(String name);

  /** Every table described. */
  Result<List<TableInfo>> describeAll();

  /**
   * A table.
   *
   * @param name name as stored
   * @param columns columns in table order
   * @param primaryKey primary-key columns in key order (empty if none)
   * @param indexes indexes, including those behind unique constraints (primary key excluded)
   * @param foreignKeys foreign keys
   * @param rowCount exact row count
   * @param sizeBytes on-disk size where the database tells it, else {@code null}
   */
  record TableInfo(
      String name,
      List<ColumnInfo> columns,
      List<String> primaryKey,
      List<IndexInfo> indexes,
      List<ForeignKeyInfo> foreignKeys,
      long rowCount,
      Long sizeBytes) {
    public TableInfo {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      indexes = List.copyOf(indexes);
      foreignKeys = List.copyOf(foreignKeys);
    }
  }

  /**
   * A column.
   *
   * @param name name as stored
   * @param type the database's type name, e.g. {@code VARCHAR(255)}, {@code bigint}, {@code TEXT}
   * @param jdbcType the {@link java.sql.Types} code
   * @param nullable whether NULL is allowed
   * @param defaultValue the default expression as the database shows it, or {@code null}
   * @param autoIncrement whether the database generates values
   */
  record ColumnInfo(
      String name, String type, int jdbcType, boolean nullable, String defaultValue, boolean autoIncrement) {}

  /** An index over columns in order. */
  record IndexInfo(String name, List<String> columns, boolean unique) {
    public IndexInfo {
      columns = List.copyOf(columns);
    }
  }

  /** A foreign key from {@code columns} to {@code referencedTable(referencedColumns)}. */
  record ForeignKeyInfo(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
    public ForeignKeyInfo {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }
}
