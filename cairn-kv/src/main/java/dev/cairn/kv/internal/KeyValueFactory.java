package dev.cairn.kv.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.internal.memory.MemoryBackend;
import dev.cairn.kv.internal.redis.RedisBackends;
import java.time.Duration;
import java.util.Objects;

/** Opens the backend a URL names. Stateless. */
public final class KeyValueFactory {
  private KeyValueFactory() {}

  /** See {@link KeyValue#open(String, KeyValueOptions)}. */
  public static KeyValue open(String url, KeyValueOptions options) {
    Objects.requireNonNull(options, "options");
    StoreUrl parsed = StoreUrl.parse(url);
    KeyValueOptions effective = withUrlBatchConnections(parsed, withUrlTimeout(parsed, options));
    Backend backend = switch (parsed.kind()) {
      case MEMORY -> new MemoryBackend(effective.clock(), effective.expirySweepInterval());
      case REDIS, REDIS_SENTINEL, REDIS_CLUSTER -> RedisBackends.connect(parsed, effective);
      case SQLITE, POSTGRESQL, MYSQL, MARIADB, PLUGGED_SQL -> throw new InvalidInputException("UNSUPPORTED_URL_SCHEME",
          parsed.redacted() + " is a SQL database URL; a KeyValue needs memory:, redis://, rediss://,"
              + " redis-sentinel:// or redis-cluster://");
    };
    return PrefixedKeyValue.store(backend, effective.maxValueBytes());
  }

  private static KeyValueOptions withUrlBatchConnections(StoreUrl url, KeyValueOptions options) {
    String connections = url.params().get("batch_connections");
    if (connections == null) {
      return options;
    }
    if (!connections.matches("\\d{1,4}")) {
      throw new InvalidInputException("INVALID_URL", "store URL " + url.redacted() + " has batch_connections '"
          + connections + "' that is not a number in 0.." + KeyValueOptions.MAX_BATCH_CONNECTIONS);
    }
    return options.withBatchConnections(Integer.parseInt(connections));
  }

  private static KeyValueOptions withUrlTimeout(StoreUrl url, KeyValueOptions options) {
    String timeout = url.params().get("timeout");
    if (timeout == null) {
      return options;
    }
    try {
      return options.withCommandTimeout(Duration.ofMillis(Long.parseLong(timeout)));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("INVALID_URL",
          "store URL " + url.redacted() + " has timeout '" + timeout + "' that is not a number of milliseconds", e);
    }
  }
}
