package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/**
 * The raw-Lettuce peer: one shared connection with the synchronous API (and its asynchronous one for pipelines), which is how Cairn's Redis backend works
 * underneath, so the gap between the two is Cairn's own overhead. Plain {@code redis://} URLs only. Thread-safe.
 *
 * <p>Connecting fails with {@code KV_BENCH_PEER_UNAVAILABLE} (an {@link dev.cairn.core.UnavailableException}).
 */
final class RawLettuce implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final RedisCommands<String, String> commands;
  private final RedisAsyncCommands<String, String> async;

  RawLettuce(StoreUrl url) {
    RedisURI.Builder uri = RedisURI.builder().withHost(url.host().name()).withPort(url.host().port());
    if (url.path() != null && !url.path().isEmpty()) {
      uri.withDatabase(Integer.parseInt(url.path()));
    }
    if (url.password() != null) {
      uri.withAuthentication(url.user() == null ? "default" : url.user(), url.password().toCharArray());
    }
    this.client = RedisClient.create(uri.build());
    try {
      this.connection = client.connect();
    } catch (RedisConnectionException e) {
      client.shutdown();
      throw RedisPeers.unreachable("Lettuce", url, e);
    }
    this.commands = connection.sync();
    this.async = connection.async();
  }

  void set(String key, String value) {
    commands.set(key, value);
  }

  String get(String key) {
    return commands.get(key);
  }

  /**
   * Sends {@code keys.length} SETs (or GETs when {@code value} is null) as asynchronous commands on the shared
   * connection and waits for all: Lettuce's own way to pipeline, the raw peer of Cairn's batch.
   */
  void pipeline(String[] keys, String value) {
    RedisFuture<?>[] sent = new RedisFuture<?>[keys.length];
    for (int i = 0; i < keys.length; i++) {
      sent[i] = value == null ? async.get(keys[i]) : async.set(keys[i], value);
    }
    if (!LettuceFutures.awaitAll(TIMEOUT, sent)) {
      throw new IllegalStateException("pipelined commands unanswered after " + TIMEOUT);
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
