package dev.cairn.cli;

import java.util.HexFormat;

/**
 * Turns stored values into text that is safe to print on a terminal: control characters (a stray escape sequence
 * could rewrite the screen, a newline would break a table) are shown as escapes, binary as hex, and anything
 * longer than the limit is cut with a marker that says how much is hidden. Stateless and thread-safe.
 */
final class DisplayValue {
  /** What a SQL NULL looks like in text output. */
  static final String NULL = "NULL";
  /** Characters a table cell shows before it is cut. */
  static final int CELL_LIMIT = 60;
  /** Bytes of a binary value always shown, however small the limit. */
  private static final int MIN_BYTES_SHOWN = 4;

  private DisplayValue() {}

  /** {@code value} as one line of at most about {@code limit} characters; {@code limit <= 0} means no limit. */
  static String of(Object value, int limit) {
    return switch (value) {
      case null -> NULL;
      case byte[] bytes -> hex(bytes, limit);
      // JSON and array columns come back as maps and lists: shown as JSON, as the HTTP API and --json show them.
      case java.util.Map<?, ?> map -> text(dev.cairn.core.Json.write(map), limit);
      case java.util.List<?> list -> text(dev.cairn.core.Json.write(list), limit);
      default -> text(value.toString(), limit);
    };
  }

  /** Text with control characters escaped, cut after {@code limit} code points when {@code limit > 0}. */
  static String text(String text, int limit) {
    int total = text.codePointCount(0, text.length());
    boolean cut = limit > 0 && total > limit;
    StringBuilder shown = new StringBuilder();
    text.codePoints().limit(cut ? limit : total).forEach(c -> appendEscaped(shown, c));
    if (cut) {
      shown.append("... [").append(total - limit).append(" more chars]");
    }
    return shown.toString();
  }

  /** Bytes as {@code 0x...} hex, cut to about {@code limit} characters with the full length named. */
  static String hex(byte[] bytes, int limit) {
    int fitting = Math.max(MIN_BYTES_SHOWN, (limit - 2) / 2);
    int shownBytes = limit <= 0 ? bytes.length : Math.min(bytes.length, fitting);
    String hex = "0x" + HexFormat.of().formatHex(bytes, 0, shownBytes);
    return shownBytes == bytes.length ? hex : hex + "... [" + bytes.length + " bytes]";
  }

  private static void appendEscaped(StringBuilder out, int codePoint) {
    switch (codePoint) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\\' -> out.append("\\\\");
      default -> {
        if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
          out.append(String.format("\\u%04x", codePoint));
        } else {
          out.appendCodePoint(codePoint);
        }
      }
    }
  }
}
