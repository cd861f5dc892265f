package dev.cairn.bench.faults.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What a database holds after a fault, read with plain JDBC rather than through the code under test. The write
 * tables of the scenarios have a non-unique {@code op_id} column, so a write applied twice shows as two rows.
 */
public final class Stored {
  private Stored() {}

  /** A plain JDBC connection to a SQLite file. */
  public static Connection sqlite(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** Runs DDL on a SQLite file (creating it), in WAL mode as Cairn opens it. */
  public static void createSqlite(Path file, String... statements) throws SQLException {
    try (Connection connection = sqlite(file); Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode = WAL");
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** {@code op_id} to its number of rows, by a query returning {@code op_id, count}. */
  public static Map<String, Integer> copies(Connection connection, String query) throws SQLException {
    Map<String, Integer> copies = new HashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        copies.put(rows.getString(1), rows.getInt(2));
      }
    }
    return copies;
  }

  /**
   * For two-row writes (parts 1 and 2 with the same {@code op_id} in {@code table}): each write's copies, counted
   * by its first part, and the writes whose two parts are not present equally often (a torn transaction).
   */
  public static Pairs pairs(Connection connection, String table) throws SQLException {
    Map<String, Integer> copies = new HashMap<>();
    int torn = 0;
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT op_id, SUM(CASE WHEN part = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN part = 2 THEN 1 ELSE 0 END) FROM "
            + table + " GROUP BY op_id")) {
      while (rows.next()) {
        copies.put(rows.getString(1), rows.getInt(2));
        torn += rows.getInt(2) == rows.getInt(3) ? 0 : 1;
      }
    }
    return new Pairs(copies, torn);
  }

  /** {@code PRAGMA integrity_check}: {@code ok}, or the first problem it names. */
  public static String integrity(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
      return rows.next() ? rows.getString(1) : "no answer";
    }
  }

  /**
   * Two-row writes as found.
   *
   * @param copies op id to the number of copies of its first part
   * @param torn writes whose parts are present unequally often
   */
  public record Pairs(Map<String, Integer> copies, int torn) {}
}
