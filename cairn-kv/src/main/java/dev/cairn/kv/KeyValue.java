package dev.cairn.kv;

import dev.cairn.kv.internal.KeyValueFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A key-value store: the in-process memory store ({@code memory:}) or Redis ({@code redis://}, {@code rediss://},
 * {@code redis-sentinel://}, {@code redis-cluster://}), with the same semantics on both.
 *
 * <pre>{@code
 * try (KeyValue kv = KeyValue.open("redis://localhost:6379")) {
 *   kv.set("config:param1", "value123", Duration.ofHours(1));
 *   Optional<String> value = kv.get("config:param1");
 *   KeyValue app = kv.withPrefix("app:");
 *   app.deletePrefix("token:");
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> Implementations are thread-safe. Calls block; the API is designed for virtual threads, and on
 * Redis concurrent callers are pipelined on one shared connection.
 *
 * <p><b>Keys and values.</b> Keys are non-empty strings (UTF-8 on the wire); values are text (UTF-8) or bytes. A
 * view made by {@link #withPrefix(String)} prepends its prefix to every key and channel it is given and strips it
 * from every key and channel it returns. Text is stored exactly or refused: a key, field, channel, prefix or text
 * value holding a lone UTF-16 surrogate (which UTF-8 cannot hold; the encoder would silently write {@code ?}, and
 * a key would then name another key) is {@link dev.cairn.core.InvalidInputException} {@code INVALID_UNICODE} on
 * every backend, the memory store included; surrogate pairs are whole characters and are kept.
 *
 * <p><b>Failures.</b> Every operation throws an unchecked exception of the {@link dev.cairn.core.CairnException}
 * family and changes nothing when its input is rejected:
 *
 * <ul>
 *   <li>{@link NullPointerException} for a null key, value, pattern or option;
 *   <li>{@link dev.cairn.core.InvalidInputException} {@code EMPTY_KEY} for an empty key, {@code VALUE_TOO_LARGE}
 *       for a value over {@link KeyValueOptions#maxValueBytes()}, {@code WRONG_TYPE} when the key holds another
 *       kind of value (a hash where text is expected, or the reverse), {@code NOT_AN_INTEGER} when a counter
 *       operation meets a value that is not a 64-bit integer or would overflow, {@code INVALID_TTL} for a TTL
 *       below one millisecond or above {@link SetOptions#MAX_TTL};
 *   <li>{@link dev.cairn.core.UnavailableException} {@code KV_UNAVAILABLE} when the command did not reach the
 *       server: it cannot be reached, the connection is down (standalone and Sentinel reject a command issued
 *       meanwhile at once; a cluster holds it until the node is back or the timeout runs out), or the server refused
 *       to serve it ({@code LOADING}, {@code READONLY}, {@code CLUSTERDOWN}, ...). Nothing was applied; retrying is
 *       safe;
 *   <li>{@link OutcomeUnknownException} (an {@code UnavailableException} too) when the command may or may not have
 *       been applied: {@code KV_OUTCOME_UNKNOWN} when the connection was lost after the command was sent and before
 *       its answer came, {@code KV_TIMEOUT} when no answer came within the command timeout, {@code KV_INTERRUPTED}
 *       when the waiting thread was interrupted. See below;
 *   <li>{@link dev.cairn.core.CairnException} with status ERROR {@code KV_ERROR} for an unexpected server answer,
 *       and {@code KV_CLOSED} after {@link #close()}.
 * </ul>
 *
 * <p><b>At most once.</b> A command is sent to Redis once: after a reconnect the store does not send again what it
 * had sent before the connection was lost (unlike Lettuce's default), nor a command whose caller timed out. So a
 * failed call was applied once or not at all, and the failure says which it may be: after {@code KV_UNAVAILABLE} it
 * was not applied; after an {@link OutcomeUnknownException} it may have been, and may even be applied shortly after
 * the exception (a slow server), so retry only what is idempotent ({@code get}, {@code set} of the same value,
 * {@code delete}, {@code hashSet}) and read the state before repeating {@code incr}, {@code incrBy},
 * {@code hashIncrBy}, a conditional {@code set} or a {@code publish}. The memory store never fails this way.
 *
 * <p>The individual methods list only failures beyond these.
 */
public interface KeyValue extends AutoCloseable {

  /**
   * Opens a store with {@link KeyValueOptions#defaults()}; see {@link #open(String, KeyValueOptions)}.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_URL}, {@code UNSUPPORTED_URL_SCHEME} or
   *     {@code KV_AUTH_FAILED}
   * @throws dev.cairn.core.UnavailableException {@code KV_UNAVAILABLE} or {@code KV_TLS_FAILED}
   */
  static KeyValue open(String url) {
    return open(url, KeyValueOptions.defaults());
  }

  /**
   * Opens a store and, for Redis, connects and authenticates before returning, within the command timeout.
   * Accepted URLs: {@code memory:} (a new, private in-process store each time), {@code redis://[user:pass@]host:
   * port/db}, {@code rediss://...} (TLS with certificate and host-name verification; parameters {@code ca},
   * {@code cert}, {@code key} name PEM files for a private CA and mutual TLS; {@code verify=none} turns
   * verification off and logs a warning), {@code redis-sentinel://h1:p1,h2:p2/db?master=name} and
   * {@code redis-cluster://h1:p1,h2:p2}. A {@code timeout} parameter in milliseconds overrides the options' command
   * timeout. The message of every failure shows the URL with its password masked.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_URL} or {@code UNSUPPORTED_URL_SCHEME} for a bad URL
   *     (or a SQL one), {@code KV_AUTH_FAILED} for a wrong user or password, {@code INVALID_TLS_FILE} for an
   *     unreadable {@code ca}/{@code cert}/{@code key} file
   * @throws dev.cairn.core.UnavailableException {@code KV_UNAVAILABLE} when the server cannot be reached,
   *     {@code KV_TLS_FAILED} when the TLS handshake fails (untrusted certificate, host name mismatch, a client
   *     certificate refused)
   */
  static KeyValue open(String url, KeyValueOptions options) {
    return KeyValueFactory.open(url, options);
  }

  /** The text stored at {@code key}, or empty when the key does not exist. */
  Optional<String> get(String key);

  /** The bytes stored at {@code key}, or empty when the key does not exist. */
  Optional<byte[]> getBytes(String key);

  /**
   * The JSON stored at {@code key} read as {@code type} with {@link dev.cairn.core.Json}, or empty.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_JSON} when the value is not JSON of that shape
   */
  <T> Optional<T> getJson(String key, Class<T> type);

  /** Stores {@code value} at {@code key} without expiry, replacing any value and TTL. */
  void set(String key, String value);

  /** Stores {@code value} at {@code key}, expiring after {@code ttl}. */
  void set(String key, String value, Duration ttl);

  /**
   * Stores {@code value} at {@code key} as {@code options} say.
   *
   * @return whether the value was written (false when the options' condition did not hold)
   */
  boolean set(String key, String value, SetOptions options);

  /**
   * Stores bytes at {@code key} as {@code options} say.
   *
   * @return whether the value was written (false when the options' condition did not hold)
   */
  boolean setBytes(String key, byte[] value, SetOptions options);

  /**
   * Stores {@code value} written as JSON by {@link dev.cairn.core.Json}.
   *
   * @return whether the value was written (false when the options' condition did not hold)
   * @throws dev.cairn.core.InvalidInputException {@code JSON_NOT_WRITABLE} when the value cannot be serialized
   */
  boolean setJson(String key, Object value, SetOptions options);

  /** Removes the keys; returns how many existed. */
  long delete(String... keys);

  /** Whether {@code key} exists. */
  boolean exists(String key);

  /** Sets a TTL on an existing key; returns false when the key does not exist. */
  boolean expire(String key, Duration ttl);

  /** The time to live of {@code key}: missing, persistent or expiring after a remaining duration. */
  Ttl ttl(String key);

  /** Adds one to the integer at {@code key} (a missing key counts as 0) and returns the new value. */
  long incr(String key);

  /** Adds {@code delta} to the integer at {@code key} (a missing key counts as 0) and returns the new value. */
  long incrBy(String key, long delta);

  /** Subtracts one from the integer at {@code key} (a missing key counts as 0) and returns the new value. */
  long decr(String key);

  /**
   * Queues the commands the callback gives to {@code batch}, sends them together (one pipeline on Redis, see
   * {@link Batch}) and returns when every command has answered. Much faster than the same commands one by one when
   * each would wait for its own round trip; not a transaction.
   *
   * @throws dev.cairn.core.InvalidInputException from the callback, for a bad key or value: nothing is sent
   * @throws dev.cairn.core.CairnException the first failed command's failure, in queue order, after every command
   *     has answered; the other commands' replies stay readable
   */
  void batch(Consumer<? super Batch> commands);

  /**
   * The text values of the keys that exist, in the order asked, in one round trip (per slot on a cluster).
   *
   * @return an unmodifiable map from key to value without the missing keys
   */
  Map<String, String> mget(Collection<String> keys);

  /** The byte values of the keys that exist, in the order asked; see {@link #mget(Collection)}. */
  Map<String, byte[]> mgetBytes(Collection<String> keys);

  /** Stores all entries without expiry; atomic on one server, per slot on a cluster. */
  void mset(Map<String, String> entries);

  /**
   * The keys matching a glob {@code pattern} ({@code *}, {@code ?}, {@code [abc]}, {@code [^a]}, {@code [a-z]},
   * backslash escapes, exactly as Redis matches), lazily, in batches with SCAN (never KEYS). Keys that exist for
   * the whole scan are returned at least once; keys added or removed meanwhile may or may not be. Closing the
   * stream is not required. On a cluster every master is scanned.
   */
  Stream<String> scan(String pattern);

  /**
   * One step of an incremental scan, for callers that page through keys across calls (an HTTP listing, a job
   * that resumes): the keys matching {@code pattern} found in the next stretch of the keyspace, and the cursor
   * to continue from. Start with {@link ScanPage#START}; the scan is complete when the returned cursor is
   * {@link ScanPage#START} again ({@link ScanPage#finished()}).
   *
   * <p>Work is bounded by {@code count}, not by the size of the keyspace: each step examines about
   * {@code count} keys (Redis SCAN COUNT), so a step may return fewer keys than {@code count}, none at all while
   * the scan is not finished, or (on Redis, where a step ends at a hash bucket) a few more. Keys that exist for
   * the whole scan are returned, once each while the keyspace does not grow or shrink much (Redis may return a
   * key twice when it resizes its table meanwhile); keys added or removed meanwhile may or may not be. The
   * memory store walks keys in sorted order and returns each key at most once. A cursor is opaque and valid
   * for the same pattern on the same store and view; on a cluster it goes through every master in turn.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_CURSOR} for a cursor this store did not issue,
   *     {@code INVALID_LIMIT} for a {@code count} below 1
   */
  ScanPage scan(String pattern, String cursor, int count);

  /**
   * Deletes every key starting with {@code prefix} except those starting with one of {@code excludedPrefixes},
   * with SCAN and UNLINK in batches (never KEYS). The prefix is glob-escaped, so {@code *} or {@code [} in it match
   * only themselves. Not atomic: keys written during the call may survive. An empty prefix deletes every key of
   * this view.
   *
   * @return how many keys were deleted
   */
  long deletePrefix(String prefix, String... excludedPrefixes);

  /** The text at {@code field} of the hash at {@code key}, or empty when the hash or the field is missing. */
  Optional<String> hashGet(String key, String field);

  /** Sets one field of the hash at {@code key}, creating the hash; returns whether the field is new. */
  boolean hashSet(String key, String field, String value);

  /** Sets several fields of the hash at {@code key} at once, creating the hash. */
  void hashSet(String key, Map<String, String> fields);

  /** All fields of the hash at {@code key}; empty when it does not exist. Unmodifiable. */
  Map<String, String> hashGetAll(String key);

  /** Removes fields of the hash at {@code key} (the hash goes away with its last field); returns how many existed. */
  long hashDelete(String key, String... fields);

  /** Adds {@code delta} to the integer at {@code field} of the hash at {@code key} and returns the new value. */
  long hashIncrBy(String key, String field, long delta);

  /** Sends {@code message} to a channel; returns how many subscriptions received it (on a cluster: on one node). */
  long publish(String channel, String message);

  /**
   * Subscribes to channels. {@code listener} is called for each message on one thread per subscription, in
   * order; it should return quickly. An exception it throws is logged and the subscription stays open. The
   * subscription is active when this method returns.
   */
  Subscription subscribe(Consumer<Message> listener, String... channels);

  /** Subscribes to glob channel patterns; see {@link #subscribe(Consumer, String...)}. */
  Subscription subscribePattern(Consumer<Message> listener, String... patterns);

  /** One round trip to the server (PING); returns its latency. */
  Duration ping();

  /** Server figures from INFO and DBSIZE (memory store: its own figures). Keys count the whole database. */
  Stats stats();

  /**
   * A view that prepends {@code prefix} to keys and channels; views compose ({@code withPrefix("a:")
   * .withPrefix("b:")} uses {@code "a:b:"}). Views share the store: closing a view does nothing, closing the store
   * closes every view.
   *
   * @throws dev.cairn.core.InvalidInputException {@code EMPTY_PREFIX} for an empty prefix
   */
  KeyValue withPrefix(String prefix);

  /** The prefix of this view, empty for the store itself. */
  String prefix();

  /** The store's URL with the password masked. */
  String url();

  /** Closes the store's connections and threads (a no-op for a view); idempotent. */
  @Override
  void close();
}
