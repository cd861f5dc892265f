package dev.cairn.kv.internal;

import dev.cairn.kv.SetOptions;
import java.time.Duration;

/**
 * One command of a {@link dev.cairn.kv.Batch} as a backend receives it: full key, checked input. The result a
 * backend gives for each kind is named on the record.
 */
public sealed interface BatchCommand {

  /** The full key the command acts on. */
  String key();

  /** Result: the value's bytes, or {@code null} when missing. */
  record Get(String key) implements BatchCommand {}

  /** Result: {@link Boolean}, whether the value was written. */
  record Set(String key, byte[] value, SetOptions options) implements BatchCommand {}

  /** Result: {@link Long}, 1 when the key existed. */
  record Delete(String key) implements BatchCommand {}

  /** Result: {@link Boolean}. */
  record Exists(String key) implements BatchCommand {}

  /** Result: {@link Boolean}, {@code false} for a missing key. */
  record Expire(String key, Duration ttl) implements BatchCommand {}

  /** Result: {@link Long}, the value after the increment. */
  record IncrBy(String key, long delta) implements BatchCommand {}

  /**
   * Result: the field's bytes, or {@code null} when the hash or the field is missing. Not offered by
   * {@link dev.cairn.kv.Batch}; single HGETs of Redis-backed subjects are combined as this command.
   */
  record HashGet(String key, String field) implements BatchCommand {}
}
