package dev.cairn.kv.internal.memory;

import dev.cairn.kv.internal.Failures;
import java.nio.charset.StandardCharsets;

/** Integer values as Redis reads them (string2ll): canonical decimal only, so "+1", " 1", "01" and "-0" fail. */
final class Integers {
  private Integers() {}

  static long parse(String key, byte[] value) {
    String text = new String(value, StandardCharsets.UTF_8);
    if (!text.matches("-?(0|[1-9][0-9]{0,18})") || text.equals("-0")) {
      throw Failures.notAnInteger(key, "is not an integer or out of range");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw Failures.notAnInteger(key, "is not an integer or out of range");
    }
  }

  static long add(String key, long current, long delta) {
    try {
      return Math.addExact(current, delta);
    } catch (ArithmeticException e) {
      throw Failures.notAnInteger(key, "would overflow: increment or decrement would overflow");
    }
  }

  static byte[] bytes(long value) {
    return Long.toString(value).getBytes(StandardCharsets.UTF_8);
  }
}
