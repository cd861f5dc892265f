package dev.cairn.sql.internal;

import dev.cairn.sql.DatabaseConfig;
import java.time.Clock;
import java.util.function.Function;

/**
 * The time by which one database call must answer: {@link DatabaseConfig#operationTimeout()} after it starts.
 * Waits for a pooled connection, for SQLite's write lock and between retries stop there.
 *
 * <p>The deadline of the call running on a thread is kept in a thread-local, so that the pool and lock waits deep
 * inside an operation see it without every signature carrying it. A call made inside another one (a
 * {@code Database} call inside a transaction's work, a schema read inside a table operation) shares the outer
 * call's deadline: the outer call promised its caller an answer by then.
 */
final class Deadline {
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final Clock clock;
  private final long budgetMillis;
  private final long expiresAtMillis;

  private Deadline(Clock clock, long budgetMillis) {
    this.clock = clock;
    this.budgetMillis = budgetMillis;
    this.expiresAtMillis = clock.millis() + budgetMillis;
  }

  /** The deadline of the call running on this thread, or a new one starting now. */
  static Deadline current(DatabaseConfig config) {
    Deadline current = CURRENT.get();
    return current != null ? current : new Deadline(config.clock(), config.operationTimeout().toMillis());
  }

  /** Runs {@code call} under the current deadline, or under a new one that lasts as long as the call. */
  static <R> R within(DatabaseConfig config, Function<Deadline, R> call) {
    Deadline outer = CURRENT.get();
    if (outer != null) {
      return call.apply(outer);
    }
    Deadline deadline = new Deadline(config.clock(), config.operationTimeout().toMillis());
    CURRENT.set(deadline);
    try {
      return call.apply(deadline);
    } finally {
      CURRENT.remove();
    }
  }

  /** Milliseconds left, 0 once passed. */
  long remainingMillis() {
    return Math.max(0, expiresAtMillis - clock.millis());
  }

  /** The whole time the call was given, for messages. */
  long budgetMillis() {
    return budgetMillis;
  }
}
