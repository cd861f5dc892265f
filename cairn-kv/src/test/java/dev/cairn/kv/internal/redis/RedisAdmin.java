package dev.cairn.kv.internal.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/**
 * An administrator's Lettuce connection to a private Redis, database 2, for tests that look at Cairn's own
 * connections from outside ({@code CLIENT LIST}, {@code CLIENT KILL}, {@code INFO}); connected again after a server
 * restart. Not thread-safe.
 */
final class RedisAdmin implements AutoCloseable {
  private final RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  RedisAdmin(int port, String password) {
    client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
        .withPassword(password.toCharArray()).withDatabase(2).build());
  }

  RedisCommands<String, String> commands() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
    }
    return connection.sync();
  }

  /** The {@code CLIENT LIST} lines of the connections named {@code name}. */
  List<String> clientsNamed(String name) {
    return commands().clientList().lines().filter(line -> line.contains(" name=" + name + " ")).toList();
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
