package dev.cairn.kv.spi;

import dev.cairn.core.CairnException;
import dev.cairn.kv.internal.redis.RedisErrors;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.function.Function;

/**
 * A command connection of its own, for blocking commands (XREADGROUP BLOCK, BLPOP, WAIT) that would stall every
 * other caller on the shared connection. The command timeout of the store still applies, so block for less than
 * it and loop. Owned by one caller at a time; close it when done.
 */
public final class DedicatedConnection implements AutoCloseable {
  private final StatefulConnection<String, byte[]> connection;
  private final RedisClusterCommands<String, byte[]> commands;
  private final RedisErrors errors;

  DedicatedConnection(
      StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> commands,
      RedisErrors errors) {
    this.connection = connection;
    this.commands = commands;
    this.errors = errors;
  }

  /**
   * Runs commands on this connection; keys must already carry the view's prefix.
   *
   * @throws CairnException translated as for every key-value call
   */
  public <T> T call(String what, Function<RedisClusterCommands<String, byte[]>, T> command) {
    try {
      return command.apply(commands);
    } catch (CairnException e) {
      throw e;
    } catch (RuntimeException e) {
      throw errors.onCommand(e, what, null);
    }
  }

  /**
   * The connection itself, for callers that drive it directly (e.g. MULTI ... EXEC written in one flush with
   * auto-flush off). Failures of what they send are theirs to translate, through {@link #call}.
   */
  public StatefulConnection<String, byte[]> connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
  }
}
