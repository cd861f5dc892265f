package dev.cairn.kv.spi;

import dev.cairn.kv.Ttl;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The memory store as a {@link Script.MemoryScript} sees it: exclusive, so a script's reads and writes are atomic
 * like a Lua script on Redis. Keys are full keys. Valid only during the script's run; not for other threads.
 * Values a Lua twin keeps in Redis structures without a memory equivalent (sorted sets, streams) are kept as
 * Java objects with {@link #putObject}; plain reads of such keys fail with {@code WRONG_TYPE} as on Redis.
 */
public interface ScriptStore {

  /** The store's clock, the twin of Redis TIME. */
  Instant now();

  Optional<byte[]> get(String key);

  /** Sets a string value; {@code ttl} {@code null} means no expiry. */
  void set(String key, byte[] value, Duration ttl);

  boolean delete(String key);

  boolean expire(String key, Duration ttl);

  Ttl ttl(String key);

  long incrBy(String key, long delta);

  Optional<byte[]> hashGet(String key, String field);

  void hashSet(String key, String field, byte[] value);

  Map<String, byte[]> hashGetAll(String key);

  long hashIncrBy(String key, String field, long delta);

  /**
   * The Java object a script stored at {@code key}, or empty when missing.
   *
   * @throws dev.cairn.core.InvalidInputException {@code WRONG_TYPE} when the key holds a value of another type
   */
  <T> Optional<T> object(String key, Class<T> type);

  /** Stores a script-owned object (not a {@code byte[]} or hash); {@code ttl} {@code null} keeps no expiry. */
  void putObject(String key, Object value, Duration ttl);
}
