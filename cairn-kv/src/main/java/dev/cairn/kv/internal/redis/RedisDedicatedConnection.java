package dev.cairn.kv.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.kv.spi.DedicatedConnection;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.function.Function;

/** A {@link DedicatedConnection} on Lettuce, translating failures as the shared connection does. */
final class RedisDedicatedConnection implements DedicatedConnection {
  private final StatefulConnection<String, byte[]> connection;
  private final RedisClusterCommands<String, byte[]> commands;
  private final RedisErrors errors;

  RedisDedicatedConnection(
      StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> commands,
      RedisErrors errors) {
    this.connection = connection;
    this.commands = commands;
    this.errors = errors;
  }

  @Override
  public <T> T call(String what, Function<RedisClusterCommands<String, byte[]>, T> command) {
    try {
      return command.apply(commands);
    } catch (CairnException e) {
      throw e;
    } catch (RuntimeException e) {
      throw errors.onCommand(e, what, null);
    }
  }

  @Override
  public StatefulConnection<String, byte[]> connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
  }
}
