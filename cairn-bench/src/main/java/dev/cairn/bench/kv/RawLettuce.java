package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The raw-Lettuce peer: one shared connection with the synchronous API, which is how Cairn's Redis backend works
 * underneath, so the gap between the two is Cairn's own overhead. Plain {@code redis://} URLs only. Thread-safe.
 *
 * <p>Connecting fails with {@code KV_BENCH_PEER_UNAVAILABLE} (an {@link dev.cairn.core.UnavailableException}).
 */
final class RawLettuce implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> commands;

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
  }

  void set(String key, String value) {
    commands.set(key, value);
  }

  String get(String key) {
    return commands.get(key);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
