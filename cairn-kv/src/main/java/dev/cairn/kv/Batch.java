package dev.cairn.kv;

import java.time.Duration;
import java.util.Optional;

/**
 * Commands queued inside {@link KeyValue#batch} and sent together when the callback returns: one pipeline on Redis
 * (every command written before the first reply is awaited; on a Cluster each command goes to its key's node), the
 * same commands one after another on the memory store. Each command is atomic by itself, as on its own; the batch
 * as a whole is not a transaction: another client may run commands between two of it. Commands on the same key run
 * in queue order.
 *
 * <p>Keys and values are checked when a command is queued: a bad one throws {@code InvalidInputException} out of the
 * callback, and then nothing of the batch is sent. A {@link Reply} is read after {@code batch} has returned (or
 * thrown); reading it earlier throws {@link IllegalStateException}. A batch is used by the thread that runs the
 * callback only.
 */
public interface Batch {

  /** GET: the value as UTF-8 text, empty when missing. */
  Reply<Optional<String>> get(String key);

  /** GET: the raw value, empty when missing. */
  Reply<Optional<byte[]>> getBytes(String key);

  /** SET without options; its reply is always {@code true}. */
  default Reply<Boolean> set(String key, String value) {
    return set(key, value, SetOptions.always());
  }

  /** SET with a time to live. */
  default Reply<Boolean> set(String key, String value, Duration ttl) {
    return set(key, value, SetOptions.ttl(ttl));
  }

  /** SET with options: {@code true} when the value was written (a condition may prevent it). */
  Reply<Boolean> set(String key, String value, SetOptions options);

  /** SET of raw bytes with options. */
  Reply<Boolean> setBytes(String key, byte[] value, SetOptions options);

  /** Deletes the key (UNLINK on Redis): 1 when it existed, else 0. */
  Reply<Long> delete(String key);

  /** Whether the key exists when the command runs. */
  Reply<Boolean> exists(String key);

  /** Sets a time to live on an existing key: {@code false} when the key is missing. */
  Reply<Boolean> expire(String key, Duration ttl);

  /** INCRBY: the value after adding {@code delta} (a missing key counts as 0). */
  Reply<Long> incrBy(String key, long delta);

  /** How many commands are queued. */
  int size();

  /**
   * The answer to one queued command, filled in when the batch has run.
   *
   * @param <T> the command's result type
   */
  interface Reply<T> {
    /**
     * The command's result.
     *
     * @throws IllegalStateException while the batch has not run yet, or when it never did (an exception left the
     *     callback)
     * @throws dev.cairn.core.CairnException the command's own failure: a wrong type, an integer overflow, or the
     *     store's {@code KV_UNAVAILABLE} / {@code KV_OUTCOME_UNKNOWN} when the connection failed
     */
    T get();
  }
}
