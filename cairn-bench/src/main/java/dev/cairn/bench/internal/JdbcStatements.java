package dev.cairn.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The JDBC side's prepared statements for one incarnation of its table (re-prepared after the table is
 * recreated). The SQL is plain and portable: SQLite, PostgreSQL and MariaDB all accept it unquoted.
 */
record JdbcStatements(
    PreparedStatement insert, PreparedStatement selectById, PreparedStatement selectPage, PreparedStatement updateAge)
    implements AutoCloseable {

  JdbcStatements(Connection connection, String table, String columns) throws SQLException {
    this(connection.prepareStatement("INSERT INTO " + table + " (name, email, age, created_at) VALUES (?, ?, ?, ?)"),
        connection.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE id = ?"),
        connection.prepareStatement(
            "SELECT " + columns + " FROM " + table + " WHERE age = ? ORDER BY created_at DESC LIMIT ? OFFSET ?"),
        connection.prepareStatement("UPDATE " + table + " SET age = ? WHERE id = ?"));
  }

  @Override
  public void close() throws SQLException {
    // Close all four even if one fails; the first failure is reported with the others suppressed.
    SQLException first = null;
    for (PreparedStatement statement : new PreparedStatement[] {insert, selectById, selectPage, updateAge}) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
