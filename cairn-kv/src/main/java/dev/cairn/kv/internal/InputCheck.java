package dev.cairn.kv.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Unicode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks keys, fields, channels and values before anything reaches a backend, text included: a lone surrogate is
 * refused ({@code INVALID_UNICODE}, see {@link Unicode}) rather than encoded as '?'. Immutable, thread-safe.
 */
record InputCheck(long maxValueBytes) {

  String key(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new InvalidInputException("EMPTY_KEY", "key must not be empty");
    }
    return Unicode.requireWellFormed(key, "key");
  }

  String field(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isEmpty()) {
      throw new InvalidInputException("EMPTY_FIELD", "hash field must not be empty");
    }
    return Unicode.requireWellFormed(field, "hash field");
  }

  String channel(String channel) {
    Objects.requireNonNull(channel, "channel");
    if (channel.isEmpty()) {
      throw new InvalidInputException("EMPTY_CHANNEL", "channel must not be empty");
    }
    return Unicode.requireWellFormed(channel, "channel");
  }

  String prefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty()) {
      throw new InvalidInputException("EMPTY_PREFIX", "prefix must not be empty");
    }
    return Unicode.requireWellFormed(prefix, "prefix");
  }

  /** {@code text} as UTF-8; {@code what} names it in the message ("value for key 'k'"). */
  byte[] text(String text, String what) {
    Objects.requireNonNull(text, "value");
    return Unicode.requireWellFormed(text, what).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A text value for {@code key}, checked as {@link #text} and {@link #value} check it, without encoding it: the
   * message naming the key is built only on failure, and the UTF-8 length is counted only when the text could be
   * over the limit at all (a char takes at most 3 bytes; a surrogate pair takes 4 for 2 chars).
   */
  String textValue(String key, String text) {
    Objects.requireNonNull(text, "value");
    if (Unicode.mayHaveSurrogate(text)) {
      Unicode.requireWellFormed(text, "value for key '" + key + "'");
    }
    if ((long) text.length() * 3 > maxValueBytes) {
      long bytes = Unicode.utf8Length(text);
      if (bytes > maxValueBytes) {
        throw tooLarge(key, bytes);
      }
    }
    return text;
  }

  byte[] value(String key, byte[] value) {
    Objects.requireNonNull(value, "value");
    if (value.length > maxValueBytes) {
      throw tooLarge(key, value.length);
    }
    return value;
  }

  private InvalidInputException tooLarge(String key, long bytes) {
    return new InvalidInputException("VALUE_TOO_LARGE",
        "value for key '" + key + "' is " + bytes + " bytes, over the limit of " + maxValueBytes + " bytes",
        Map.of("key", key, "bytes", bytes, "maxBytes", maxValueBytes), null);
  }

  List<String> nonEmpty(List<String> names, String what) {
    if (names.isEmpty()) {
      throw new InvalidInputException("NO_CHANNELS", "subscribe needs at least one " + what);
    }
    return names;
  }
}
