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
    return mayHaveSurrogate(key) ? Unicode.requireWellFormed(key, "key") : key;
  }

  String field(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isEmpty()) {
      throw new InvalidInputException("EMPTY_FIELD", "hash field must not be empty");
    }
    return mayHaveSurrogate(field) ? Unicode.requireWellFormed(field, "hash field") : field;
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
    if (mayHaveSurrogate(text)) {
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

  /**
   * Whether {@code text} may hold a surrogate, paired or not: a quick pre-check on every key and text value before
   * the precise {@link Unicode} check, which only text with a char at or above U+D800 needs (false positives, chars
   * from U+E000 up, just take the precise path).
   *
   * <p>Why a plain loop with {@code >=}: C2 unswitches the loop on the string's coder, and in the Latin-1 copy
   * every char is {@code byte & 0xff}, which it knows is below U+D800, so the test folds away and the loop with it:
   * a 64-char ASCII value costs ~1 ns instead of 16-25 ns for chars OR-ed in blocks of 8 (the form before, which C2
   * cannot fold) in a micro-benchmark on the bench machine, with the coder branch of {@code charAt} seen both ways.
   * Text stored UTF-16 is scanned char by char (16-21 ns for 64 chars, either form).
   */
  static boolean mayHaveSurrogate(String text) {
    for (int i = 0, length = text.length(); i < length; i++) {
      if (text.charAt(i) >= Character.MIN_SURROGATE) {
        return true;
      }
    }
    return false;
  }

  List<String> nonEmpty(List<String> names, String what) {
    if (names.isEmpty()) {
      throw new InvalidInputException("NO_CHANNELS", "subscribe needs at least one " + what);
    }
    return names;
  }
}
