package dev.cairn.kv.spi;

import dev.cairn.core.CairnException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.function.Function;

/**
 * A command connection of its own, for blocking commands (XREADGROUP BLOCK, BLPOP, WAIT) that would stall every
 * other caller on the shared connection, and for connection state (WATCH, MULTI ... EXEC). The command timeout of
 * the store still applies, so block for less than it and loop. Opened by {@link RedisAccess#openDedicated()}; owned
 * by one caller at a time; close it when done.
 */
public interface DedicatedConnection extends AutoCloseable {

  /**
   * Runs commands on this connection; keys must already carry the view's prefix.
   *
   * @throws CairnException translated as for every key-value call
   */
  <T> T call(String what, Function<RedisClusterCommands<String, byte[]>, T> command);

  /**
   * The connection itself, for callers that drive it directly (e.g. MULTI ... EXEC written in one flush with
   * auto-flush off). Failures of what they send are theirs to translate, through {@link #call}.
   */
  StatefulConnection<String, byte[]> connection();

  @Override
  void close();
}
