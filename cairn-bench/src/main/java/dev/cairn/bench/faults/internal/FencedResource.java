package dev.cairn.bench.faults.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The resource a lock guards in the {@code lock_pause} scenario, kept in a SQLite file (not in the Redis that is
 * restarted): it remembers the highest fencing token it accepted and accepts a write only with a token at least
 * that high, the check a storage behind a lock makes (Kleppmann's "fencing token"). Written with plain JDBC from both
 * processes; each call is one statement, so it is atomic.
 */
public final class FencedResource {
  private final Path file;

  public FencedResource(Path file) {
    this.file = file;
  }

  /** Creates the resource with token 0. */
  public void create() throws SQLException {
    Stored.createSqlite(file,
        "CREATE TABLE fence (id INTEGER PRIMARY KEY CHECK (id = 1), token INTEGER NOT NULL, writer TEXT NOT NULL)",
        "INSERT INTO fence VALUES (1, 0, 'nobody')");
  }

  /**
   * Writes as {@code writer} with {@code token}.
   *
   * @return whether the write was accepted: false when a higher token was accepted before
   */
  public boolean write(long token, String writer) throws SQLException {
    try (Connection connection = Stored.sqlite(file)) {
      try (Statement pragma = connection.createStatement()) {
        pragma.execute("PRAGMA busy_timeout = 10000");
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE fence SET token = ?, writer = ? WHERE id = 1 AND token <= ?")) {
        update.setLong(1, token);
        update.setString(2, writer);
        update.setLong(3, token);
        return update.executeUpdate() == 1;
      }
    }
  }
}
