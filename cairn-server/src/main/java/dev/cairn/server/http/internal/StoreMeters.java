package dev.cairn.server.http.internal;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueMetrics;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * Binds what {@code /metrics} shows beyond the HTTP timers: the served database's operation timers and HikariCP
 * pool meters, the key-value store's command timers and error counters, and Micrometer's JVM and process binders.
 * The named databases of the registry are not bound: their pools would share the served database's pool names.
 */
public final class StoreMeters implements AutoCloseable {
  private final JvmGcMetrics gc;

  private StoreMeters(JvmGcMetrics gc) {
    this.gc = gc;
  }

  public static StoreMeters bind(MeterRegistry registry, Database database, KeyValue store) {
    new DatabaseMetrics(database).bindTo(registry);
    new KeyValueMetrics(store).bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return new StoreMeters(gc);
  }

  /** Stops listening for garbage collections; the other binders hold nothing. */
  @Override
  public void close() {
    gc.close();
  }
}
