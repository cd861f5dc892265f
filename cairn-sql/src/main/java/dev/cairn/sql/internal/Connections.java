package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a database's connections come from. SQLite has one writer connection plus a read pool (or, in memory,
 * one connection for both); servers have one pool for both. Thread-safe.
 */
interface Connections extends AutoCloseable {

  /**
   * A connection for writes and read-write transactions; the caller closes it to give it back. Waits for a free
   * one until {@code deadline}; on SQLite, the connection waits for the write lock no longer than that either.
   *
   * @throws dev.cairn.core.UnavailableException {@code DEADLINE_EXCEEDED} when none became free in time
   * @throws SQLException when no connection could be made (the cause says why)
   */
  Connection writer(Deadline deadline) throws SQLException;

  /** A connection for reads outside transactions and for read-only transactions; waits as {@link #writer}. */
  Connection reader(Deadline deadline) throws SQLException;

  /** Closes {@code connection} for good instead of returning it to its pool (it came from reader() if reader). */
  void evict(Connection connection, boolean reader);

  /** Whether readers are read-only by construction (so a read-only transaction needs no extra switch). */
  boolean readersAreReadOnly();

  /** Active, idle and waiting figures summed over the pools. */
  PoolCounts counts();

  /** Hands a Micrometer {@code MeterRegistry} to each HikariCP pool; see {@link Observation#bindPools}. */
  default void bindMetrics(Object meterRegistry) {
    pools().forEach(pool -> pool.setMetricRegistry(meterRegistry));
  }

  /** The HikariCP pools behind it, for their settings and figures. */
  java.util.List<com.zaxxer.hikari.HikariDataSource> pools();

  @Override
  void close();

  /** Pool figures for {@link dev.cairn.sql.Health}. */
  record PoolCounts(int active, int idle, int waiting) {
    PoolCounts plus(PoolCounts other) {
      return new PoolCounts(active + other.active, idle + other.idle, waiting + other.waiting);
    }
  }
}
