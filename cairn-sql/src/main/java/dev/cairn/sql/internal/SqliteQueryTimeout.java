package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.sqlite.ProgressHandler;

/**
 * Cuts SQLite statements that run past the query timeout. sqlite-jdbc's {@code Statement.setQueryTimeout} only
 * changes the busy timeout, so every SQLite connection gets this progress handler, which SQLite calls every
 * {@value #STEPS} virtual-machine steps of a running statement (a key lookup takes fewer and never calls it); once
 * the deadline armed by {@link StatementRunner} has passed it returns non-zero, and SQLite stops the statement
 * with {@code SQLITE_INTERRUPT}, rolling back what it did.
 *
 * <p>The deadline is per thread: SQLite calls the handler on the thread that runs the statement, and a pooled
 * connection is used by one thread at a time. Zero means no statement of Cairn's is running.
 */
final class SqliteQueryTimeout extends ProgressHandler {
  // Each call is an upcall from native code into Java; every 10,000 steps cost a query scanning a few thousand rows
  // a quarter of its time (cairn bench sql's raw_query and page_filter_sort phases, ratio 0.71 and 0.87 against
  // plain JDBC). A million steps is a few milliseconds of SQLite's work: the timeout still cuts within that.
  private static final int STEPS = 1_000_000;
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);

  private final Clock clock;

  private SqliteQueryTimeout(Clock clock) {
    this.clock = clock;
  }

  /** Installs the handler on a new physical connection. */
  static void install(Connection connection, Clock clock) throws SQLException {
    ProgressHandler.setHandler(connection, STEPS, new SqliteQueryTimeout(clock));
  }

  /** Arms the timer of this thread's statements until {@code deadlineMillis}; returns the deadline it replaced. */
  static long arm(long deadlineMillis) {
    long[] slot = DEADLINE.get();
    long outer = slot[0];
    slot[0] = outer != 0 ? Math.min(outer, deadlineMillis) : deadlineMillis;
    return outer;
  }

  /** Puts back the deadline {@link #arm} returned. */
  static void restore(long outer) {
    DEADLINE.get()[0] = outer;
  }

  @Override
  protected int progress() {
    long deadline = DEADLINE.get()[0];
    return deadline != 0 && clock.millis() > deadline ? 1 : 0;
  }
}
