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

  /**
   * The tables of another PostgreSQL schema or MariaDB database, sorted; each is read and written as
   * {@code rows("schema.table")}. On SQLite INVALID {@code SCHEMAS_UNSUPPORTED}.
   */
  Result<List<String>> tables(String schema);

  /**
   * The names of the views, sorted. A view is read like a table ({@link Session#rows}: query, count, stream; it has
   * no key, so no {@code find}) and described by {@link #table}; writes through {@link Rows} are refused with INVALID
   * {@code VIEW_READ_ONLY}.
   */
  Result<List<String>> views();

  /** One table (or view) described; NOT_FOUND {@code TABLE_NOT_FOUND} listing the available tables if it does not exist. */
  Result<TableInfo> table(String name);

  /** Every table described. */
  Result<List<TableInfo>> describeAll();

  /**
   * Figures of one table (see {@link TableStats}); NOT_FOUND {@code TABLE_NOT_FOUND} if it does not exist. Its
   * {@code totalBytes} is the {@link TableInfo#sizeBytes()} that {@link #table} reports.
   */
  Result<TableStats> stats(String table);

  /** Figures of every table, by name. */
  Result<List<TableStats>> statsAll();

  /**
   * What a database knows about the size of a table. Estimates and sizes come from the database's own statistics,
   * so they may lag behind writes until it refreshes them ({@link Database#vacuumAnalyze} does).
   *
   * @param name the table
   * @param rowCount exact row count ({@code count(*)})
   * @param estimatedRows the planner's estimate (PostgreSQL {@code reltuples}, MariaDB {@code table_rows}, SQLite
   *     {@code sqlite_stat1}), {@code null} before the table was ever analyzed
   * @param tableBytes bytes of the table's data (PostgreSQL {@code pg_table_size}, MariaDB {@code data_length},
   *     SQLite {@code dbstat} pages), {@code null} where unknown
   * @param indexBytes bytes of its indexes, {@code null} where unknown
   * @param totalBytes data and indexes together, {@code null} where unknown
   * @param lastVacuum last (auto)vacuum, PostgreSQL only, else {@code null}
   * @param lastAnalyze last (auto)analyze: PostgreSQL, MariaDB (InnoDB persistent statistics), else {@code null}
   */
  record TableStats(String name, long rowCount, Long estimatedRows, Long tableBytes, Long indexBytes,
      Long totalBytes, java.time.Instant lastVacuum, java.time.Instant lastAnalyze) {}

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
