package dev.cairn.kv.internal.memory;

import dev.cairn.kv.internal.Failures;
import java.nio.charset.StandardCharsets;

/**
 * Integer values as Redis reads them (string2ll): canonical decimal only, so "+1", " 1", "01" and "-0" fail. Parsed
 * by hand rather than with a regular expression: INCR and HINCRBY parse inside the key's compute, where compiling a
 * pattern per call was most of their cost.
 */
final class Integers {
  /** The most characters a long takes in decimal: "-9223372036854775808". */
  private static final int MAX_CHARS = 20;

  private Integers() {}

  /** A value stored as bytes; a non-ASCII byte is no digit, so Latin-1 decoding keeps the check exact. */
  static long parse(String key, byte[] value) {
    if (value.length > MAX_CHARS) {
      throw notAnInteger(key);
    }
    return parse(key, new String(value, StandardCharsets.ISO_8859_1));
  }

  static long parse(String key, String value) {
    int length = value.length();
    if (length == 0 || length > MAX_CHARS) {
      throw notAnInteger(key);
    }
    boolean negative = value.charAt(0) == '-';
    int start = negative ? 1 : 0;
    if (start == length || (value.charAt(start) == '0' && (length - start > 1 || negative))) {
      throw notAnInteger(key); // "-", "01", "-0", "-01"
    }
    // Accumulates negatively: Long.MIN_VALUE has no positive twin.
    long result = 0;
    for (int i = start; i < length; i++) {
      int digit = value.charAt(i) - '0';
      if (digit < 0 || digit > 9 || result < (Long.MIN_VALUE + digit) / 10) {
        throw notAnInteger(key);
      }
      result = result * 10 - digit;
    }
    if (!negative) {
      if (result == Long.MIN_VALUE) {
        throw notAnInteger(key);
      }
      result = -result;
    }
    return result;
  }

  static long add(String key, long current, long delta) {
    try {
      return Math.addExact(current, delta);
    } catch (ArithmeticException e) {
      throw Failures.notAnInteger(key, "would overflow: increment or decrement would overflow");
    }
  }

  /** A hash field's value after HINCRBY. */
  static byte[] bytes(long value) {
    return Long.toString(value).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The value INCR stores: text, as SET of a string stores it (see {@link Entry}). */
  static String text(long value) {
    return Long.toString(value);
  }

  private static RuntimeException notAnInteger(String key) {
    return Failures.notAnInteger(key, "is not an integer or out of range");
  }
}
