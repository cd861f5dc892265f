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
 * @param expiresAt epoch milliseconds of the store clock, or {@link #NO_EXPIRY}
 */
record Entry(Object value, long expiresAt) {
  static final long NO_EXPIRY = Long.MAX_VALUE;

  boolean expired(long now) {
    return expiresAt <= now;
  }

  /** Whether the entry can expire at all; a persistent one needs no clock read to be known live. */
  boolean expires() {
    return expiresAt != NO_EXPIRY;
  }

  Entry withExpiry(long newExpiresAt) {
    return new Entry(value, newExpiresAt);
  }

  /** Whether the value is a Redis string (text or bytes). */
  boolean isString() {
    return isString(value);
  }

  static boolean isString(Object value) {
    return value instanceof String || value instanceof byte[];
  }

  /**
   * The string value as bytes the caller owns (a copy of stored bytes, or stored text encoded).
   *
   * @throws dev.cairn.core.InvalidInputException {@code WRONG_TYPE} when the value is not a string
   */
  byte[] bytes(String key) {
    byte[] bytes = bytesOrNull(value);
    if (bytes == null) {
      throw Failures.wrongType(key);
    }
    return bytes;
  }

  /**
   * The string value as text: stored text itself, or stored bytes decoded as UTF-8.
   *
   * @throws dev.cairn.core.InvalidInputException {@code WRONG_TYPE} when the value is not a string
   */
  String text(String key) {
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
