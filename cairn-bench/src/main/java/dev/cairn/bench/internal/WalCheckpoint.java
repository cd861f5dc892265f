package dev.cairn.bench.internal;

import dev.cairn.core.CairnException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties SQLite's write-ahead log between two sides' runs (untimed). Both tables live in one database file and
 * share one WAL, so without this the side that runs second would pay, inside its timed commits, for checkpointing
 * the pages the other side left in the log.
 */
final class WalCheckpoint {
  private WalCheckpoint() {}

  /**
   * Runs {@code PRAGMA wal_checkpoint(TRUNCATE)} on {@code connection}.
   *
   * @throws CairnException {@code BENCH_CHECKPOINT_FAILED} when SQLite fails or reports the checkpoint as blocked
   */
  static void truncate(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      // One row: busy flag, log frames, checkpointed frames. Busy means a reader or writer held the log.
      if (result.next() && result.getInt(1) != 0) {
        throw new CairnException("BENCH_CHECKPOINT_FAILED", "SQLite could not checkpoint the WAL: it is busy");
      }
    } catch (SQLException e) {
      throw new CairnException("BENCH_CHECKPOINT_FAILED",
          "SQLite WAL checkpoint failed: " + OneLine.of(e.getMessage()), e);
    }
  }
}
