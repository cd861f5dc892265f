package dev.cairn.sql.internal;

import dev.cairn.sql.Dialect;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Schema.ForeignKeyInfo;
import dev.cairn.sql.Schema.IndexInfo;
import dev.cairn.sql.Schema.TableInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the catalog through JDBC {@link DatabaseMetaData}, restricted to the database's own user tables: the
 * current schema on PostgreSQL, the current database on MariaDB/MySQL, everything but {@code sqlite_*} on
 * SQLite. Metadata name arguments are LIKE patterns, so results are filtered by exact name afterwards.
 */
final class CatalogReader {
  private final Connection connection;
  private final Dialect dialect;
  private final org.jooq.DSLContext dsl;
  private final DatabaseMetaData meta;
  private final String catalog;
  /** Whether the server is MariaDB or MySQL itself, not a plugged-in backend of that family. */
  private final boolean realMariaDb;
  private final String schema;

  CatalogReader(Connection connection, Dialect dialect, org.jooq.DSLContext dsl) throws SQLException {
    this(connection, dialect, dsl, null);
  }

  /**
   * A reader of {@code otherSchema} (a PostgreSQL schema, a MariaDB database) instead of the connection's current
   * one; {@code null} for the current one. Sizes and statistics are only read for the current one.
   */
  CatalogReader(Connection connection, Dialect dialect, org.jooq.DSLContext dsl, String otherSchema)
      throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.dsl = dsl;
    this.meta = connection.getMetaData();
    boolean mariadb = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    this.catalog = mariadb ? (otherSchema != null ? otherSchema : connection.getCatalog()) : null;
    // A plugged-in backend of the MariaDB family may have schemas inside its catalog (H2: PUBLIC beside
    // INFORMATION_SCHEMA): its tables are those of the current schema, as on PostgreSQL.
    this.realMariaDb = mariadb && meta.getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
    this.schema = dialect == Dialect.POSTGRESQL || (mariadb && !realMariaDb)
        ? (otherSchema != null && !mariadb ? otherSchema : connection.getSchema()) : null;
  }

  Connection connection() {
    return connection;
  }

  List<String> tables() throws SQLException {
    return named("TABLE");
  }

  /** The views of the current schema, sorted. */
  List<String> views() throws SQLException {
    return named("VIEW");
  }

  /**
   * A table or view of this reader's other schema described as {@code schemaName.name}: columns, key, indexes,
   * foreign keys and row count; no size (sizes are read for the current schema only).
   */
  TableInfo describeOther(String schemaName, String name) throws SQLException {
    List<String> primaryKey = primaryKey(name);
    boolean table = tables().contains(name);
    long rows;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select count(*) from " + dsl.render(org.jooq.impl.DSL.name(schemaName))
            + "." + dsl.render(org.jooq.impl.DSL.name(name)))) {
      rs.next();
      rows = rs.getLong(1);
    }
    return new TableInfo(schemaName + "." + name, columns(name), primaryKey,
        table ? indexes(name, primaryKey) : List.of(), table ? foreignKeys(name) : List.of(), rows, null);
  }

  /** A view described: its columns and row count; no key, indexes or size. */
  TableInfo describeView(String view) throws SQLException {
    return new TableInfo(view, columns(view), List.of(), List.of(), List.of(), rowCount(view), null);
  }

  private List<String> named(String type) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {type})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (dialect != Dialect.SQLITE || !name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }

  List<ColumnInfo> columns(String table) throws SQLException {
    java.util.Set<String> json = dialect == Dialect.MARIADB && realMariaDb ? mariadbJsonColumns(table)
        : java.util.Set.of();
    List<ColumnInfo> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, escape(table), "%")) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        String typeName = rs.getString("TYPE_NAME");
        int size = rs.getInt("COLUMN_SIZE");
        int jdbcType = rs.getInt("DATA_TYPE");
        boolean sized = typeName != null && typeName.toLowerCase(Locale.ROOT).contains("char") && size > 0
            && size < Integer.MAX_VALUE && !typeName.contains("(");
        if (json.contains(rs.getString("COLUMN_NAME"))) {
          typeName = "JSON";
          sized = false;
        }
        columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), sized ? typeName + "(" + size + ")" : typeName,
            jdbcType, rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
            "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
      }
    }
    return columns;
  }

  /**
   * MariaDB's JSON is LONGTEXT with a {@code json_valid(column)} check the server adds; the catalog shows only the
   * LONGTEXT, so the check is what tells a JSON column.
   */
  private java.util.Set<String> mariadbJsonColumns(String table) throws SQLException {
    java.util.Set<String> columns = new java.util.HashSet<>();
    try (var statement = connection.prepareStatement("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
        + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?")) {
      statement.setString(1, catalog);
      statement.setString(2, table);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          java.util.regex.Matcher matcher = JSON_VALID.matcher(String.valueOf(rs.getString(1)));
          if (matcher.matches()) {
            columns.add(matcher.group(1));
          }
        }
      }
    }
    return columns;
  }

  private static final java.util.regex.Pattern JSON_VALID =
      java.util.regex.Pattern.compile("(?i)\\s*json_valid\\(`([^`]+)`\\)\\s*");

  List<String> primaryKey(String table) throws SQLException {
    Map<Integer, String> ordered = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        if (table.equals(rs.getString("TABLE_NAME"))) {
          ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
    }
    return List.copyOf(ordered.values());
  }

  List<IndexInfo> indexes(String table, List<String> primaryKey) throws SQLException {
    Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
    Map<String, Boolean> unique = new TreeMap<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null || !table.equals(rs.getString("TABLE_NAME")) || rs.getString("COLUMN_NAME") == null) {
          continue;
        }
        columns.computeIfAbsent(name, key -> new TreeMap<>())
            .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
      }
    }
    List<IndexInfo> indexes = new ArrayList<>();
    for (var entry : columns.entrySet()) {
      List<String> indexColumns = List.copyOf(entry.getValue().values());
      boolean isUnique = unique.get(entry.getKey());
      if (isUnique && indexColumns.equals(primaryKey)) {
        continue;
      }
      indexes.add(new IndexInfo(entry.getKey(), indexColumns, isUnique));
    }
    return indexes;
  }

  List<ForeignKeyInfo> foreignKeys(String table) throws SQLException {
    Map<String, List<String[]>> byName = new TreeMap<>();
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        String key = (name == null ? "" : name) + "->" + rs.getString("PKTABLE_NAME");
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {
            name, rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKeyInfo> keys = new ArrayList<>();
    for (List<String[]> parts : byName.values()) {
      keys.add(new ForeignKeyInfo(parts.getFirst()[0], parts.stream().map(p -> p[1]).toList(), parts.getFirst()[2],
          parts.stream().map(p -> p[3]).toList()));
    }
    return keys;
  }

  TableInfo describe(String table) throws SQLException {
    List<String> primaryKey = primaryKey(table);
    return new TableInfo(table, columns(table), primaryKey, indexes(table, primaryKey), foreignKeys(table),
        rowCount(table), size(table));
  }

  /** See {@link dev.cairn.sql.Schema.TableStats}; {@code totalBytes} is computed as {@link #size} computes it. */
  dev.cairn.sql.Schema.TableStats stats(String table) throws SQLException {
    long rows = rowCount(table);
    Long total = size(table);
    return switch (dialect) {
      case POSTGRESQL -> {
        try (PreparedStatement statement = connection.prepareStatement("select c.reltuples::bigint,"
            + " pg_table_size(c.oid), pg_indexes_size(c.oid), greatest(s.last_vacuum, s.last_autovacuum),"
            + " greatest(s.last_analyze, s.last_autoanalyze) from pg_class c"
            + " left join pg_stat_user_tables s on s.relid = c.oid"
            + " where c.oid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))")) {
          statement.setString(1, table);
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            long estimate = rs.getLong(1);
            // reltuples is -1 (PostgreSQL 14+) or 0 with no pages until the table was first vacuumed or analyzed.
            Long estimated = estimate < 0 ? null : estimate;
            yield new dev.cairn.sql.Schema.TableStats(table, rows, estimated, rs.getLong(2), rs.getLong(3), total,
                instant(rs.getObject(4, java.time.OffsetDateTime.class)),
                instant(rs.getObject(5, java.time.OffsetDateTime.class)));
          }
        }
      }
      case MARIADB, MYSQL -> {
        if (!realMariaDb) {
          yield new dev.cairn.sql.Schema.TableStats(table, rows, null, null, null, total, null, null);
        }
        try (PreparedStatement statement = connection.prepareStatement("select table_rows, data_length,"
            + " index_length from information_schema.tables where table_schema = database() and table_name = ?")) {
          statement.setString(1, table);
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            yield new dev.cairn.sql.Schema.TableStats(table, rows, nullableLong(rs, 1), nullableLong(rs, 2),
                nullableLong(rs, 3), total, null, mariadbLastAnalyze(table));
          }
        }
      }
      case SQLITE -> {
        Long tableBytes = sqliteHasDbstat() ? sqliteLong("select sum(pgsize) from dbstat where name = ?", table)
            : null;
        Long indexBytes = tableBytes == null ? null : sqliteLong("select coalesce(sum(pgsize), 0) from dbstat"
            + " where name in (select name from sqlite_master where type = 'index' and tbl_name = ?)", table);
        yield new dev.cairn.sql.Schema.TableStats(table, rows, sqliteEstimate(table), tableBytes, indexBytes, total,
            null, null);
      }
    };
  }

  private static java.time.Instant instant(java.time.OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static Long nullableLong(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    return rs.wasNull() ? null : value;
  }

  /** InnoDB's persistent statistics say when they were last computed; not every account may read them. */
  private java.time.Instant mariadbLastAnalyze(String table) {
    try (PreparedStatement statement = connection.prepareStatement("select unix_timestamp(last_update) from"
        + " mysql.innodb_table_stats where database_name = database() and table_name = ?")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getObject(1) != null ? java.time.Instant.ofEpochSecond(rs.getLong(1)) : null;
      }
    } catch (SQLException e) {
      return null; // no privilege on mysql.*, or not InnoDB: not known
    }
  }

  private Long sqliteLong(String sql, String table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? nullableLong(rs, 1) : null;
      }
    }
  }

  /** The first figure of {@code sqlite_stat1} is the row count ANALYZE saw; no such table before any ANALYZE. */
  private Long sqliteEstimate(String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet exists = statement.executeQuery(
            "select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat1'")) {
      if (!exists.next()) {
        return null;
      }
    }
    try (PreparedStatement statement = connection.prepareStatement("select stat from sqlite_stat1 where tbl = ?")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return null;
        }
        return Long.parseLong(rs.getString(1).split(" ")[0]);
      }
    }
  }

  private long rowCount(String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select count(*) from " + dsl.render(org.jooq.impl.DSL.name(table)))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Long size(String table) throws SQLException {
    String sql = switch (dialect) {
      case POSTGRESQL ->
          "select pg_total_relation_size(to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)))";
      case MARIADB, MYSQL -> realMariaDb ? "select data_length + index_length from information_schema.tables"
          + " where table_schema = database() and table_name = ?" : null; // a plugged-in backend: size unknown
      case SQLITE -> sqliteHasDbstat() ? "select sum(pgsize) from dbstat where name = ?1 or name in"
          + " (select name from sqlite_master where type = 'index' and tbl_name = ?1)" : null;
    };
    if (sql == null) {
      return null;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long size = rs.getLong(1);
        return rs.wasNull() ? null : size;
      }
    }
  }

  private boolean sqliteHasDbstat() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 1 from pragma_module_list where name = 'dbstat'")) {
      return rs.next();
    }
  }

  private String escape(String pattern) throws SQLException {
    String escape = meta.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return pattern;
    }
    return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }
}
