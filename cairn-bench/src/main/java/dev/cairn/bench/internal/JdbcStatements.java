package dev.cairn.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC side's prepared statements for one incarnation of its table (re-prepared after the table is
 * recreated). The SQL is plain and portable: SQLite, PostgreSQL and MariaDB all accept it unquoted.
 */
record JdbcStatements(
    PreparedStatement insert, PreparedStatement selectById, PreparedStatement selectPage, PreparedStatement updateAge)
    implements AutoCloseable {

  /** Prepares all four; if one fails, those already prepared are closed before the failure is thrown. */
  static JdbcStatements prepare(Connection connection, String table, String columns) throws SQLException {
    List<String> sql = List.of(
        "INSERT INTO " + table + " (name, email, age, created_at) VALUES (?, ?, ?, ?)",
        "SELECT " + columns + " FROM " + table + " WHERE id = ?",
        "SELECT " + columns + " FROM " + table + " WHERE age = ? ORDER BY created_at DESC LIMIT ? OFFSET ?",
        "UPDATE " + table + " SET age = ? WHERE id = ?");
    List<PreparedStatement> prepared = new ArrayList<>(sql.size());
    try {
      for (String text : sql) {
        prepared.add(connection.prepareStatement(text));
      }
    } catch (SQLException e) {
      closeAll(prepared, e);
      throw e;
    }
    return new JdbcStatements(prepared.get(0), prepared.get(1), prepared.get(2), prepared.get(3));
  }

  @Override
  public void close() throws SQLException {
    SQLException first = closeAll(List.of(insert, selectById, selectPage, updateAge), null);
    if (first != null) {
      throw first;
    }
  }

  /**
   * Closes every statement even if some fail; failures are added to {@code failure} as suppressed, or, without
   * one, the first becomes the returned failure with the others suppressed in it.
   */
  private static SQLException closeAll(List<PreparedStatement> statements, SQLException failure) {
    SQLException first = failure;
    for (PreparedStatement statement : statements) {
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
    return failure == null ? first : null;
  }
}
