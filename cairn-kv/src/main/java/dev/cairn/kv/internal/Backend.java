package dev.cairn.kv.internal;

import dev.cairn.kv.Message;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Stats;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.Ttl;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SPI a key-value backend implements: byte values, full (already prefixed, already validated) keys. The public
 * {@link dev.cairn.kv.KeyValue} checks input, applies prefixes and converts text; a backend only talks to its
 * store and translates its failures into the {@link dev.cairn.core.CairnException} family. Implementations are
 * thread-safe. Every backend must pass {@code KeyValueConformance}.
 */
public interface Backend extends AutoCloseable {

  /** {@code memory}, {@code redis}, {@code redis-sentinel} or {@code redis-cluster}. */
  String kind();

  /** The URL with the password masked. */
  String url();

  /** The value, or {@code null} when missing. */
  byte[] get(String key);

  boolean set(String key, byte[] value, SetOptions options);

  /** Deletes (UNLINK on Redis) the keys; returns how many existed. */
  long delete(List<String> keys);

  boolean exists(String key);

  boolean expire(String key, Duration ttl);

  Ttl ttl(String key);

  long incrBy(String key, long delta);

  /** Values in the order of {@code keys}, {@code null} for missing ones. */
  List<byte[]> mget(List<String> keys);

  void mset(Map<String, byte[]> entries);

  /** Matching keys, lazily, fetched {@code batchSize} at a time. */
  Iterator<String> scan(String pattern, int batchSize);

  /**
   * One step of a cursor scan with full keys; see {@link dev.cairn.kv.KeyValue#scan(String, String, int)}. The
   * cursor is checked by the caller only for null; the backend refuses a malformed one with INVALID_CURSOR.
   */
  dev.cairn.kv.ScanPage scanPage(String pattern, String cursor, int count);

  byte[] hashGet(String key, String field);

  boolean hashSet(String key, String field, byte[] value);

  void hashSet(String key, Map<String, byte[]> fields);

  Map<String, byte[]> hashGetAll(String key);

  long hashDelete(String key, List<String> fields);

  long hashIncrBy(String key, String field, long delta);

  long publish(String channel, byte[] message);

  /** Subscribes to full channel names or patterns; messages carry full channel names. */
  Subscription subscribe(List<String> channelsOrPatterns, boolean patterns, Consumer<Message> listener);

  Duration ping();

  Stats stats();

  /** The store's time: Redis TIME, or the memory store's clock. */
  Instant time();

  /** Runs a script atomically with full keys. */
  ScriptResult run(Script script, List<String> keys, List<String> args);

  @Override
  void close();
}
