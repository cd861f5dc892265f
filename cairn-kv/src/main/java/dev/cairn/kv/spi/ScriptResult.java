package dev.cairn.kv.spi;

import dev.cairn.core.CairnException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link Script} returned: a list of {@link Long}, {@code byte[]}, {@code null} or nested lists. Read-only
 * and thread-safe if not mutated through {@link #values()}.
 */
public record ScriptResult(String scriptName, List<Object> values) {

  public ScriptResult {
    values = Collections.unmodifiableList(values);
  }

  public int size() {
    return values.size();
  }

  public boolean isNull(int index) {
    return values.get(index) == null;
  }

  /**
   * The integer at {@code index}; a string holding a decimal integer is accepted too.
   *
   * @throws CairnException {@code KV_SCRIPT_RESULT} when the value is of another type
   */
  public long longAt(int index) {
    Object value = values.get(index);
    if (value instanceof Long number) {
      return number;
    }
    if (value instanceof byte[] bytes) {
      try {
        return Long.parseLong(new String(bytes, StandardCharsets.UTF_8));
      } catch (NumberFormatException e) {
        throw unexpected(index, "an integer", e);
      }
    }
    throw unexpected(index, "an integer", null);
  }

  /** The string at {@code index} as UTF-8 text, or {@code null} for nil; integers are rendered in decimal. */
  public String textAt(int index) {
    Object value = values.get(index);
    if (value == null || value instanceof Long) {
      return value == null ? null : value.toString();
    }
    return new String(bytesAt(index), StandardCharsets.UTF_8);
  }

  /** The bytes at {@code index}, or {@code null} for nil. */
  public byte[] bytesAt(int index) {
    Object value = values.get(index);
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    throw unexpected(index, "a string", null);
  }

  /** The nested list at {@code index}. */
  @SuppressWarnings("unchecked")
  public List<Object> listAt(int index) {
    Object value = values.get(index);
    if (value instanceof List<?>) {
      return (List<Object>) value;
    }
    throw unexpected(index, "a list", null);
  }

  private CairnException unexpected(int index, String expected, Throwable cause) {
    Object value = values.get(index);
    String actual = value == null ? "nil" : value.getClass().getSimpleName();
    return new CairnException("KV_SCRIPT_RESULT",
        "script " + scriptName + " returned " + actual + " at " + index + ", expected " + expected, cause);
  }
}
