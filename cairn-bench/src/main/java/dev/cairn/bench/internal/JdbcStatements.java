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
    PreparedStatement insert, PreparedStatement selectById, PreparedStatement selectPage, PreparedStatement updateAge,
    PreparedStatement joinAggregate)
    implements AutoCloseable {

  /**
   * {@code raw_query}'s SQL on {@code table}: the rows of one age joined to themselves by key (a join the planner
   * cannot skip), counted and summed. Both sides run this same text, so only the API around it is compared.
   */
  static String joinAggregateSql(String table) {
    return "SELECT u.age AS age, COUNT(*) AS n, SUM(v.age) AS total, MAX(v.name) AS top FROM " + table + " u"
        + " JOIN " + table + " v ON v.id = u.id WHERE u.age = ? GROUP BY u.age";
  }

  /** Prepares all five; if one fails, those already prepared are closed before the failure is thrown. */
  static JdbcStatements prepare(Connection connection, String table, String columns) throws SQLException {
    List<String> sql = List.of(
        "INSERT INTO " + table + " (name, email, age, created_at) VALUES (?, ?, ?, ?)",
        "SELECT " + columns + " FROM " + table + " WHERE id = ?",
        "SELECT " + columns + " FROM " + table + " WHERE age = ? ORDER BY created_at DESC LIMIT ? OFFSET ?",
        "UPDATE " + table + " SET age = ? WHERE id = ?",
        joinAggregateSql(table));
    List<PreparedStatement> prepared = new ArrayList<>(sql.size());
    try {
      for (String text : sql) {
        prepared.add(connection.prepareStatement(text));
      }
    } catch (SQLException e) {
      closeAll(prepared, e);
      throw e;
    }
    return new JdbcStatements(prepared.get(0), prepared.get(1), prepared.get(2), prepared.get(3),
        prepared.get(4));
  }

  @Override
  public void close() throws SQLException {
    SQLException first = closeAll(List.of(insert, selectById, selectPage, updateAge, joinAggregate), null);
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
