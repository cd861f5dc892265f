package dev.cairn.server.http;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds SQLite's write lock on a database file ({@code BEGIN IMMEDIATE}) from a connection of its own, as another
 * process would: the server's writers then wait in SQLite's busy handler, in native code.
 */
final class SqliteWriteLock implements AutoCloseable {
  private final Connection connection;
  private boolean held;

  SqliteWriteLock(Path file) throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
    }
    held = true;
  }

  /** Ends the transaction (nothing was written in it); idempotent. */
  synchronized void release() throws SQLException {
    if (held) {
      held = false;
      try (Statement statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      release();
    } finally {
      connection.close();
    }
  }
}
