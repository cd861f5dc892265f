package dev.cairn.subject.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value)} writes it with default settings, so a Python KRules
 * service and Cairn write the same bytes: separators {@code ", "} and {@code ": "}, every character outside
 * printable ASCII as a lowercase {@code \}{@code uXXXX} escape (UTF-16 units, so astral characters become
 * surrogate pairs), floats as Python's {@code repr} (shortest digits; exponent form {@code 1e+16} / {@code 1e-05}
 * below 1e-4 and from 1e16 up; {@code NaN}, {@code Infinity}). Reading accepts any valid JSON, plus Python's
 * {@code NaN}/{@code Infinity}. Values are {@link Values}-normalized. Thread-safe.
 */
public final class PythonJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ObjectReader READER = Json.mapper().reader()
      .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .with(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .forType(Object.class);

  private PythonJson() {}

  /** The text {@code json.dumps} gives for a normalized value. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, Values.normalize(value));
    return out.toString();
  }

  /** @throws InvalidInputException {@code INVALID_JSON} for text that is not JSON */
  public static Object read(String text) {
    Object simple = readSimple(text);
    if (simple != null) {
      return simple;
    }
    try {
      return Values.normalize(READER.readValue(text));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("INVALID_JSON", "stored subject value is not JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * As {@link #read(String)} for the UTF-8 bytes Redis hands back, without first copying them into a String when
   * they are a plain ASCII string or a small integer (what KRules stores most): a property read then costs one
   * String, as a raw HGET decoded to text does.
   *
   * @throws InvalidInputException {@code INVALID_JSON} for bytes that are not JSON
   */
  public static Object read(byte[] utf8) {
    int length = utf8.length;
    if (length >= 2 && utf8[0] == '"' && utf8[length - 1] == '"' && plainAscii(utf8, 1, length - 1)) {
      return new String(utf8, 1, length - 2, StandardCharsets.ISO_8859_1);
    }
    if (length > 0 && length <= 18 && utf8[0] != '"') {
      Long number = smallInteger(utf8);
      if (number != null) {
        return number;
      }
    }
    return read(new String(utf8, StandardCharsets.UTF_8));
  }

  /** Whether {@code bytes[from..to)} are printable ASCII or DEL without a quote or backslash (no JSON escape). */
  private static boolean plainAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < ' ' || b == '"' || b == '\\') { // negative: a UTF-8 multi-byte sequence, left to the decoder
        return false;
      }
    }
    return true;
  }

  /** The integer of 1 to 18 bytes in JSON's form (no leading zero, no plus), or null. */
  private static Long smallInteger(byte[] bytes) {
    int start = bytes[0] == '-' ? 1 : 0;
    if (start == bytes.length || (bytes[start] == '0' && bytes.length > start + 1)) {
      return null;
    }
    long value = 0;
    for (int i = start; i < bytes.length; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      value = value * 10 + digit; // at most 18 digits: cannot overflow
    }
    return start == 1 ? -value : value;
  }

  /**
   * Plain strings (no escapes) and small integers, the bulk of subject values, read without a JSON parser: a
   * subject read is a hot path that should cost little more than the raw HGET. Null when the text needs the parser.
   */
  private static Object readSimple(String text) {
    int length = text.length();
    if (length >= 2 && text.charAt(0) == '"' && text.charAt(length - 1) == '"') {
      for (int i = 1; i < length - 1; i++) {
        char c = text.charAt(i);
        if (c == '\\' || c == '"' || c < ' ') {
          return null;
        }
      }
      return text.substring(1, length - 1);
    }
    if (length == 0 || length > 18) {
      return null;
    }
    int start = text.charAt(0) == '-' ? 1 : 0;
    if (start == length || (text.charAt(start) == '0' && length > start + 1)) {
      return null;
    }
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return Long.parseLong(text);
  }

  private static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case Boolean bool -> out.append(bool ? "true" : "false");
      case Long number -> out.append(number);
      case BigInteger number -> out.append(number);
      case Double number -> appendFloat(out, number);
      case String text -> appendString(out, text);
      case List<?> list -> appendList(out, list);
      case Map<?, ?> map -> appendMap(out, map);
      default -> throw new IllegalStateException("not a normalized value: " + value.getClass().getName());
    }
  }

  private static void appendList(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      append(out, list.get(i));
    }
    out.append(']');
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      appendString(out, (String) entry.getKey());
      out.append(": ");
      append(out, entry.getValue());
      if (entries.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  static void appendString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Python's ensure_ascii escapes everything outside ' '..'~', DEL included.
          if (c < ' ' || c > '~') {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Python's float repr: the shortest digits that read back to the same double (Java's {@code Double.toString}
   * gives those since JDK 19), laid out as Python does: plain notation while the decimal point sits between 4
   * places before the first digit and 16 after it, exponent notation otherwise.
   */
  static void appendFloat(StringBuilder out, double number) {
    if (Double.isNaN(number)) {
      out.append("NaN");
      return;
    }
    if (Double.isInfinite(number)) {
      out.append(number > 0 ? "Infinity" : "-Infinity");
      return;
    }
    if (number == 0) {
      out.append(1 / number < 0 ? "-0.0" : "0.0");
      return;
    }
    BigDecimal decimal = shortest(Math.abs(number));
    String digits = decimal.unscaledValue().toString();
    int pointPosition = digits.length() - decimal.scale();
    if (number < 0) {
      out.append('-');
    }
    if (pointPosition > -4 && pointPosition <= 16) {
      appendPlain(out, digits, pointPosition);
    } else {
      appendExponent(out, digits, pointPosition - 1);
    }
  }

  /**
   * The shortest decimal that reads back as {@code number}, nearest to it among equally short ones. Java's
   * {@code Double.toString} never gives fewer than two digits (4.9E-324 where Python prints 5e-324), so a
   * two-digit answer is checked against its one-digit neighbours.
   */
  private static BigDecimal shortest(double number) {
    BigDecimal decimal = new BigDecimal(Double.toString(number)).stripTrailingZeros();
    if (decimal.precision() != 2) {
      return decimal;
    }
    BigDecimal exact = new BigDecimal(number);
    BigDecimal best = null;
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal candidate = decimal.round(new MathContext(1, mode));
      if (candidate.doubleValue() == number && (best == null
          || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
        best = candidate;
      }
    }
    return best == null ? decimal : best.stripTrailingZeros();
  }

  private static void appendPlain(StringBuilder out, String digits, int pointPosition) {
    if (pointPosition <= 0) {
      out.append("0.").append("0".repeat(-pointPosition)).append(digits);
    } else if (pointPosition >= digits.length()) {
      out.append(digits).append("0".repeat(pointPosition - digits.length())).append(".0");
    } else {
      out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
    }
  }

  private static void appendExponent(StringBuilder out, String digits, int exponent) {
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      out.append('0');
    }
    out.append(magnitude);
  }
}
