package dev.cairn.kv.internal.redis;

import dev.cairn.kv.spi.DedicatedConnection;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What one Redis backend holds: the client and its threads, the one shared command connection (thread-safe;
 * Lettuce pipelines concurrent callers on it) with its blocking command view, and a way to open a dedicated
 * pub/sub connection per subscription.
 */
record RedisSession(
    AbstractRedisClient client,
    ClientResources resources,
    StatefulConnection<String, byte[]> connection,
    RedisClusterCommands<String, byte[]> commands,
    RedisClusterAsyncCommands<String, byte[]> async,
    Supplier<StatefulRedisPubSubConnection<String, byte[]>> pubSub,
    Supplier<DedicatedConnection> dedicated) {

  void close() {
    try {
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
