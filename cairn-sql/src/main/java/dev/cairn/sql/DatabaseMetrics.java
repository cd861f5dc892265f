package dev.cairn.sql;

import dev.cairn.sql.internal.Observation;
import dev.cairn.sql.internal.OperationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of one {@link Database}, bound as any Micrometer binder is:
 *
 * <pre>{@code
 * new DatabaseMetrics(db).bindTo(registry);
 * }</pre>
 *
 * <ul>
 *   <li>{@code cairn.sql.query}: a timer per operation and outcome. Tag {@code operation}: the method's name in
 *       snake case ({@code insert}, {@code find}, {@code query}, {@code update}, {@code delete}, {@code count},
 *       {@code insert_all}, ... of tables and rows; {@code sql_query}, {@code sql_execute}, ... of raw SQL;
 *       {@code transaction}, {@code read_only_transaction}). Tag {@code outcome}: {@code ok}, the failure's status in
 *       lower case ({@code not_found}, {@code duplicate}, {@code unavailable}, ...) or {@code exception}. A call
 *       inside a transaction is counted on its own as well as in its transaction.
 *   <li>{@code hikaricp.connections}, {@code .active}, {@code .idle}, {@code .pending}, {@code .max}, {@code .min},
 *       {@code .timeout}, {@code .acquire}, {@code .usage}, {@code .creation}: HikariCP's own meters, one set per pool
 *       (tag {@code pool}: {@code cairn-postgresql}, {@code cairn-mariadb}, {@code cairn-sqlite-writer},
 *       {@code cairn-sqlite-reader}, {@code cairn-sqlite-memory}). HikariCP refreshes the
 *       gauges' statistics at most once a second.
 * </ul>
 *
 * <p><b>Why an optional dependency.</b> Micrometer is an optional dependency of cairn-sql, as it is of HikariCP:
 * this class is the only one that uses it, and the timing inside the library goes through a small Micrometer-free
 * listener, so an application that never creates a {@code DatabaseMetrics} never loads Micrometer and need not have
 * it. A listener hook in the public API was the alternative; it would still have needed a registry typed
 * {@code Object} for HikariCP's binder, and every user would have written this class again.
 *
 * <p>Bind a database to one registry. HikariCP accepts one registry per pool for good, so the pool meters stay in
 * the first registry a database is bound to, while a later {@code bindTo} moves the operation timers. Two
 * databases of the same kind bound to one registry share the pool names, and Micrometer keeps the first one's pool
 * gauges. Thread-safe; recording costs a map lookup per call.
 */
public final class DatabaseMetrics implements MeterBinder {
  private final Database database;

  /**
   * @throws NullPointerException when {@code database} is null
   */
  public DatabaseMetrics(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Registers the pool meters (unless the pools were given a registry before) and starts timing operations.
   *
   * @throws IllegalArgumentException when the database was not opened by {@link Database#open}
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    Observation.bindPools(database, registry);
    Observation.listen(database, new Timers(registry));
  }

  private static final class Timers implements OperationListener {
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    Timers(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void completed(String operation, String outcome, long nanos) {
      timers.computeIfAbsent(operation + ' ' + outcome, key -> Timer.builder("cairn.sql.query")
          .description("Database operations, by operation and outcome")
          .tag("operation", operation)
          .tag("outcome", outcome)
          .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
  }
}
