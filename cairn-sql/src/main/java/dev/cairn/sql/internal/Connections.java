package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a database's connections come from. SQLite has one writer connection plus a read pool (or, in memory,
 * one connection for both); servers have one pool for both. Thread-safe.
 */
interface Connections extends AutoCloseable {

  /** A connection for writes and read-write transactions; the caller closes it to give it back. */
  Connection writer() throws SQLException;

  /** A connection for reads outside transactions and for read-only transactions. */
  Connection reader() throws SQLException;

  /** Closes {@code connection} for good instead of returning it to its pool (it came from reader() if reader). */
  void evict(Connection connection, boolean reader);

  /** Whether readers are read-only by construction (so a read-only transaction needs no extra switch). */
  boolean readersAreReadOnly();

  /** Active, idle and waiting figures summed over the pools. */
  PoolCounts counts();

  @Override
  void close();

  /** Pool figures for {@link dev.cairn.sql.Health}. */
  record PoolCounts(int active, int idle, int waiting) {
    PoolCounts plus(PoolCounts other) {
      return new PoolCounts(active + other.active, idle + other.idle, waiting + other.waiting);
    }
  }
}
