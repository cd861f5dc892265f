package dev.cairn.kv.internal.memory;

import dev.cairn.kv.internal.Failures;
import java.nio.charset.StandardCharsets;

/**
 * One key's value and expiry. A string value is held in the form it was given: a {@code String} for text (set
 * through the text API, or written by INCR), a {@code byte[]} for bytes (a private copy, never handed out). Reading
 * it in the same form costs nothing; reading it in the other form converts it (UTF-8, exact: text was checked for
 * lone surrogates before it got here). Otherwise the value is a {@link HashValue} or an object a script owns.
 * Immutable apart from the hash it may hold, which is only touched inside the map's compute for its key.
 *
 * <p><b>The stored form.</b> The map does not always hold an {@code Entry}: a string that never expires (most
 * keys) is held as the {@code String} or {@code byte[]} itself, so an unconditional SET without TTL allocates no
 * holder (a fresh holder per SET cost 13-34% of a {@code ConcurrentHashMap.put} in a stand-alone test, and was all
 * that was left between the store's SET and a bare map's in the bench's profile). {@link #of} builds the stored
 * form and the static methods here read either form; everything the map holds is read through them. A stored
 * {@code String} or {@code byte[]} is thus a live, persistent string; every other value is in an {@code Entry}.
 *
 * @param expiresAt epoch milliseconds of the store clock, or {@link #NO_EXPIRY}
 */
record Entry(Object value, long expiresAt) {
  static final long NO_EXPIRY = Long.MAX_VALUE;

  /** The stored form of {@code value} expiring at {@code expiresAt}: the string itself when it never expires. */
  static Object of(Object value, long expiresAt) {
    return expiresAt == NO_EXPIRY && isString(value) ? value : new Entry(value, expiresAt);
  }

  /** The value of a stored form. */
  static Object valueOf(Object stored) {
    return stored instanceof Entry entry ? entry.value : stored;
  }

  /** The expiry of a stored form, {@link #NO_EXPIRY} for one that cannot expire. */
  static long expiresAtOf(Object stored) {
    return stored instanceof Entry entry ? entry.expiresAt : NO_EXPIRY;
  }

  /** Whether a stored form has expired at {@code now}. */
  static boolean expired(Object stored, long now) {
    return stored instanceof Entry entry && entry.expiresAt <= now;
  }

  /** Whether a stored form can expire at all; a persistent one needs no clock read to be known live. */
  static boolean expires(Object stored) {
    return stored instanceof Entry entry && entry.expiresAt != NO_EXPIRY;
  }

  /** Whether the value is a Redis string (text or bytes). */
  static boolean isString(Object value) {
    return value instanceof String || value instanceof byte[];
  }

  /**
   * The string value of a stored form as bytes the caller owns (a copy of stored bytes, or stored text encoded).
   *
   * @throws dev.cairn.core.InvalidInputException {@code WRONG_TYPE} when the value is not a string
   */
  static byte[] bytes(Object stored, String key) {
    byte[] bytes = bytesOrNull(valueOf(stored));
    if (bytes == null) {
      throw Failures.wrongType(key);
    }
    return bytes;
  }

  /**
   * The string value of a stored form as text: stored text itself, or stored bytes decoded as UTF-8.
   *
   * @throws dev.cairn.core.InvalidInputException {@code WRONG_TYPE} when the value is not a string
   */
  static String text(Object stored, String key) {
    Object value = valueOf(stored);
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    throw Failures.wrongType(key);
  }

  /** {@code value} as bytes the caller owns when it is a string, else null (MGET's leniency). */
  static byte[] bytesOrNull(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }
}
