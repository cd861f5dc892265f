package dev.cairn.kv;

import dev.cairn.kv.internal.CommandListener;
import dev.cairn.kv.internal.CommandObservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of one {@link KeyValue} store, bound as any Micrometer binder is:
 *
 * <pre>{@code
 * new KeyValueMetrics(kv).bindTo(registry);
 * }</pre>
 *
 * <ul>
 *   <li>{@code cairn.kv.command}: a timer per command and outcome. Tag {@code command}: the Redis command in lower
 *       case ({@code get}, {@code set}, {@code del}, {@code exists}, {@code expire}, {@code ttl}, {@code incrby},
 *       {@code mget}, {@code mset}, {@code scan}, {@code hget}, {@code hset}, {@code hgetall}, {@code hdel},
 *       {@code hincrby}, {@code publish}, {@code ping}), or {@code batch} and {@code delete_prefix}; tag
 *       {@code outcome}: {@code ok} or {@code error}.
 *   <li>{@code cairn.kv.errors}: a counter per command and failure code ({@code WRONG_TYPE},
 *       {@code KV_UNAVAILABLE}, {@code KV_TIMEOUT}, {@code INVALID_KEY}...).
 * </ul>
 * The same meters for the memory store and Redis, measured at Cairn's layer (input checks included). Binding a
 * prefixed view binds the whole store: views share their store's meters.
 *
 * <p><b>Why an optional dependency.</b> Micrometer is an optional dependency of cairn-kv, as it is of Lettuce: this
 * class is the only one that uses it, and the timing inside the library goes through a small Micrometer-free
 * listener, so an application that never creates a {@code KeyValueMetrics} never loads Micrometer. Lettuce's own
 * {@code MicrometerCommandLatencyRecorder} is not used: it must be given when the client is built, before a server
 * receives the store, and enabling it for every store would wrap every command of the fast path, metrics or not.
 *
 * <p>Bind a store to one registry; a second {@code bindTo} replaces the first. Thread-safe; recording costs a map
 * lookup per command.
 */
public final class KeyValueMetrics implements MeterBinder {
  private final KeyValue store;

  /**
   * @throws NullPointerException when {@code store} is null
   */
  public KeyValueMetrics(KeyValue store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Starts timing the store's commands.
   *
   * @throws IllegalArgumentException when the store was not opened by {@link KeyValue#open}
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    CommandObservation.listen(store, new Meters(Objects.requireNonNull(registry, "registry")));
  }

  private static final class Meters implements CommandListener {
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    Meters(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void completed(String command, String errorCode, long nanos) {
      String outcome = errorCode == null ? "ok" : "error";
      timers.computeIfAbsent(command + ' ' + outcome, key -> Timer.builder("cairn.kv.command")
          .description("Key-value commands, by command and outcome")
          .tag("command", command)
          .tag("outcome", outcome)
          .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
      if (errorCode != null) {
        errors.computeIfAbsent(command + ' ' + errorCode, key -> Counter.builder("cairn.kv.errors")
            .description("Key-value commands that failed, by command and failure code")
            .tag("command", command)
            .tag("code", errorCode)
            .register(registry)).increment();
      }
    }
  }
}
