package dev.cairn.kv.spi;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.internal.PrefixedKeyValue;
import dev.cairn.kv.internal.redis.RedisBackend;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.Optional;
import java.util.function.Function;

/**
 * Direct Redis access for extensions that need commands {@link KeyValue} does not offer (streams for a work queue,
 * blocking reads, WATCH and MULTI/EXEC for subjects). Prefer {@link Scripting}, which also has a memory twin; use
 * this only for the Redis side of something that has its own memory implementation. Keys passed to Lettuce here
 * are raw: apply {@link #fullKey(String)} yourself. Thread-safe.
 */
public final class RedisAccess {
  private final PrefixedKeyValue view;
  private final RedisBackend backend;

  private RedisAccess(PrefixedKeyValue view, RedisBackend backend) {
    this.view = view;
    this.backend = backend;
  }

  /** Redis access behind {@code kv}; empty for the memory store or a {@link KeyValue} implemented elsewhere. */
  public static Optional<RedisAccess> of(KeyValue kv) {
    if (kv instanceof PrefixedKeyValue view && view.backend() instanceof RedisBackend redis) {
      return Optional.of(new RedisAccess(view, redis));
    }
    return Optional.empty();
  }

  /** {@code key} with the view's prefix, as the server sees it. */
  public String fullKey(String key) {
    return view.prefix() + key;
  }

  /**
   * Runs non-blocking commands on the shared connection, with failures translated as for every key-value call.
   *
   * @throws dev.cairn.core.CairnException as {@link KeyValue} documents
   */
  public <T> T call(String what, Function<RedisClusterCommands<String, byte[]>, T> command) {
    return backend.callRaw(what, command);
  }

  /**
   * HGET of the raw {@code key}'s {@code field}: the field's bytes, or {@code null} when missing. The same command
   * as through {@link #call}, but on a plain standalone Redis combined with other threads' concurrent single
   * commands (see the README's Key-value section) instead of taking the shared connection.
   *
   * @throws dev.cairn.core.CairnException as {@link KeyValue} documents
   */
  public byte[] hashGet(String key, String field) {
    return backend.hashGet(key, field);
  }

  /**
   * Opens a connection of its own for blocking commands.
   *
   * @throws dev.cairn.core.UnavailableException {@code KV_UNAVAILABLE} when it cannot connect
   */
  public DedicatedConnection openDedicated() {
    return backend.openDedicated();
  }
}
