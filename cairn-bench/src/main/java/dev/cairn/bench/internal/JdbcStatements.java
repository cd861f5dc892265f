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
    PreparedStatement joinAggregate, PreparedStatement updateAgeReturning, PreparedStatement newestFirstByOffset,
    PreparedStatement newestFirstAfter, PreparedStatement positionAtOffset)
    implements AutoCloseable {

  /**
   * {@code raw_query}'s SQL on {@code table}: the rows of one age joined to themselves by key (a join the planner
   * cannot skip), counted and summed. Both sides run this same text, so only the API around it is compared.
   */
  static String joinAggregateSql(String table) {
    return "SELECT u.age AS age, COUNT(*) AS n, SUM(v.age) AS total, MAX(v.name) AS top FROM " + table + " u"
        + " JOIN " + table + " v ON v.id = u.id WHERE u.age = ? GROUP BY u.age";
  }

  /**
   * Prepares them all; if one fails, those already prepared are closed before the failure is thrown.
   *
   * @param returning whether the dialect has {@code UPDATE ... RETURNING}; without it the row is read back with
   *     {@link #selectById} in the update's transaction
   */
  static JdbcStatements prepare(Connection connection, String table, String columns, boolean returning)
      throws SQLException {
    String update = "UPDATE " + table + " SET age = ? WHERE id = ?";
    String newestFirst = " ORDER BY created_at DESC, id DESC LIMIT ?";
    List<String> sql = List.of(
        "INSERT INTO " + table + " (name, email, age, created_at) VALUES (?, ?, ?, ?)",
        "SELECT " + columns + " FROM " + table + " WHERE id = ?",
        // With the key as the last sort column, as Cairn sorts: without it rows of one created_at come back in any
        // order, so consecutive pages could repeat or skip rows.
        "SELECT " + columns + " FROM " + table + " WHERE age = ?" + newestFirst + " OFFSET ?",
        update,
        joinAggregateSql(table),
        returning ? update + " RETURNING " + columns : update,
        "SELECT " + columns + " FROM " + table + newestFirst + " OFFSET ?",
        // The usual hand-written keyset condition, led by a range on the first sort column so every database
        // starts an index range scan at the position instead of filtering its way there.
        "SELECT " + columns + " FROM " + table + " WHERE created_at <= ? AND (created_at < ? OR (created_at = ?"
            + " AND id < ?))" + newestFirst,
        "SELECT created_at, id FROM " + table + newestFirst + " OFFSET ?");
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
        prepared.get(4), prepared.get(5), prepared.get(6), prepared.get(7), prepared.get(8));
  }

  @Override
  public void close() throws SQLException {
    SQLException first = closeAll(List.of(insert, selectById, selectPage, updateAge, joinAggregate,
        updateAgeReturning, newestFirstByOffset, newestFirstAfter, positionAtOffset), null);
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
