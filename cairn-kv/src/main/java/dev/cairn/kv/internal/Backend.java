package dev.cairn.kv.internal;

import dev.cairn.core.CairnException;
import dev.cairn.kv.Message;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Stats;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.Ttl;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  /**
   * The value as text (UTF-8), or {@code null} when missing. This default decodes {@link #get}; the memory store
   * keeps text as given and answers it without a copy.
   */
  default String getText(String key) {
    byte[] value = get(key);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  /**
   * Sets text, already checked to be well-formed and within the size limit. This default encodes it as UTF-8 for
   * {@link #set}; the memory store keeps the string itself.
   */
  default boolean setText(String key, String value, SetOptions options) {
    return set(key, value.getBytes(StandardCharsets.UTF_8), options);
  }

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

  /**
   * Runs the commands of a batch, each atomic by itself, in order per key, and answers one result per command in
   * the same order: the value named on each {@link BatchCommand} kind, or the command's {@link CairnException}.
   * Throws only when nothing was sent (a closed store). This default runs them one by one, which is what the
   * memory store wants; a networked backend pipelines them.
   */
  default List<Object> batch(List<BatchCommand> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    List<Object> results = new ArrayList<>(commands.size());
    for (BatchCommand command : commands) {
      try {
        results.add(switch (command) {
          case BatchCommand.Get get -> get(get.key());
          case BatchCommand.Set set -> set(set.key(), set.value(), set.options());
          case BatchCommand.Delete delete -> delete(List.of(delete.key()));
          case BatchCommand.Exists exists -> exists(exists.key());
          case BatchCommand.Expire expire -> expire(expire.key(), expire.ttl());
          case BatchCommand.IncrBy incr -> incrBy(incr.key(), incr.delta());
          case BatchCommand.HashGet hashGet -> hashGet(hashGet.key(), hashGet.field());
        });
      } catch (CairnException e) {
        if (results.isEmpty() && isClosedStore(e)) {
          throw e;
        }
        results.add(e);
      }
    }
    return results;
  }

  /** Whether {@code e} says the store is closed (nothing can have been sent). */
  private static boolean isClosedStore(CairnException e) {
    return "KV_CLOSED".equals(e.code());
  }

  /** Runs a script atomically with full keys. */
  ScriptResult run(Script script, List<String> keys, List<String> args);

  @Override
  void close();
}
