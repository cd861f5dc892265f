package dev.cairn.sql.internal.migrate;

import dev.cairn.sql.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the portable catalog ({@link dev.cairn.sql.Schema}) does not say but an undo script needs: a column's exact
 * type on PostgreSQL ({@code format_type}) and MariaDB/MySQL ({@code column_type}), and on SQLite the original
 * CREATE statements of a table and its indexes, so that a rebuild can be taken back to exactly what was there.
 * Reads through its own JDBC connection (the same one Flyway would use).
 */
final class LiveDetails implements AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;

  LiveDetails(MigrationTarget target) throws SQLException {
    this.connection = DriverManager.getConnection(target.jdbcUrl(), target.url().user(), target.url().password());
    this.dialect = target.database().dialect();
  }

  /** The column's type as DDL writes it, e.g. {@code character varying(255)}, {@code decimal(38,10)}. */
  String columnType(String table, String column) throws SQLException {
    String sql = dialect == Dialect.POSTGRESQL
        ? "select format_type(a.atttypid, a.atttypmod) from pg_attribute a where a.attrelid = "
            + "to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) and a.attname = ?"
        : "select column_type from information_schema.columns where table_schema = database()"
            + " and table_name = ? and column_name = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table);
      statement.setString(2, column);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("column " + table + "." + column + " not found in the catalog");
        }
        return rs.getString(1);
      }
    }
  }

  /** SQLite: the table's CREATE TABLE text first, then the CREATE INDEX texts of its explicit indexes. */
  List<String> sqliteDefinition(String table) throws SQLException {
    List<String> definition = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "select sql from sqlite_master where tbl_name = ? and sql is not null"
            + " order by case type when 'table' then 0 else 1 end, name")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          definition.add(rs.getString(1).replaceAll("\\s+", " ").strip());
        }
      }
    }
    if (definition.isEmpty()) {
      throw new SQLException("table " + table + " not found in sqlite_master");
    }
    return definition;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
