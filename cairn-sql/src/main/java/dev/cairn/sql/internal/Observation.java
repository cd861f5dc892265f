package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Times public operations for an {@link OperationListener} and hands a metrics registry to the HikariCP pools. A
 * database without a listener pays one volatile read per call; the clock is read only when one is set.
 */
public final class Observation {
  private volatile OperationListener listener;
  private boolean poolsBound;

  /** Sets the listener of {@code database}'s operations (its tables, rows, raw SQL and transactions). */
  public static void listen(Database database, OperationListener listener) {
    context(database).observation.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Hands {@code meterRegistry} (a Micrometer {@code MeterRegistry}) to each HikariCP pool of {@code database},
   * which then registers its own {@code hikaricp.connections.*} meters. HikariCP accepts one registry per pool for
   * good: a later call leaves the pools with the first one.
   *
   * @return whether the pools took this registry (false when they had one already)
   */
  public static boolean bindPools(Database database, Object meterRegistry) {
    Objects.requireNonNull(meterRegistry, "meterRegistry");
    SqlContext context = context(database);
    synchronized (context.observation) {
      if (context.observation.poolsBound) {
        return false;
      }
      context.connections.bindMetrics(meterRegistry);
      context.observation.poolsBound = true;
      return true;
    }
  }

  private static SqlContext context(Database database) {
    if (database instanceof SqlDatabase sql) {
      return sql.context;
    }
    throw new IllegalArgumentException("not a database opened by Database.open: " + database);
  }

  <R> Result<R> observed(String operation, Supplier<Result<R>> call) {
    OperationListener current = listener;
    if (current == null) {
      return call.get();
    }
    long start = System.nanoTime();
    Result<R> result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      current.completed(operation, "exception", System.nanoTime() - start);
      throw e;
    }
    current.completed(operation, outcome(result), System.nanoTime() - start);
    return result;
  }

  private static String outcome(Result<?> result) {
    return result instanceof Result.Failure<?> failure ? failure.status().name().toLowerCase(Locale.ROOT) : "ok";
  }
}
