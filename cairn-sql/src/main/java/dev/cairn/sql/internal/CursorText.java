package dev.cairn.sql.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON of a cursor in exactly the form {@link Cursors#encode} writes it, {@code {"s":"<signature>",
 * "v":[<value>,...]}} with strings, whole numbers that fit a long, booleans and nulls, and nothing else (no spaces,
 * no other keys, keys in that order). It spares a keyset page Jackson's tree, which cost about as much as the rest of
 * Cairn's work on the page. Anything else answers {@code null}, and the caller hands the text to the full JSON
 * parser, which decides; so this reader accepts nothing that parser would refuse. Stateless.
 */
final class CursorText {
  /** The signature and the raw values ({@code String}, {@code Long}, {@code Boolean} or {@code null}). */
  record Parsed(String signature, List<Object> values) {}

  private final String json;
  private int at;

  private CursorText(String json) {
    this.json = json;
  }

  /** The parsed cursor, or {@code null} when the text is not in the encoder's exact form. */
  static Parsed parse(String json) {
    try {
      return new CursorText(json).cursor();
    } catch (NotPlain e) {
      return null;
    }
  }

  /** Thrown inside the reader when the text leaves the plain form; never escapes {@link #parse}. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  private Parsed cursor() throws NotPlain {
    expect("{\"s\":");
    String signature = string();
    expect(",\"v\":[");
    List<Object> values = new ArrayList<>(4);
    if (!next(']')) {
      do {
        values.add(value());
      } while (next(','));
      expect("]");
    }
    expect("}");
    if (at != json.length()) {
      throw new NotPlain();
    }
    return new Parsed(signature, values);
  }

  private Object value() throws NotPlain {
    if (at >= json.length()) {
      throw new NotPlain();
    }
    char c = json.charAt(at);
    if (c == '"') {
      return string();
    }
    if (json.startsWith("null", at)) {
      at += 4;
      return null;
    }
    if (json.startsWith("true", at)) {
      at += 4;
      return Boolean.TRUE;
    }
    if (json.startsWith("false", at)) {
      at += 5;
      return Boolean.FALSE;
    }
    return wholeNumber();
  }

  private Long wholeNumber() throws NotPlain {
    int start = at;
    if (at < json.length() && json.charAt(at) == '-') {
      at++;
    }
    int digits = at;
    while (at < json.length() && Character.isDigit(json.charAt(at)) && json.charAt(at) < 128) {
      at++;
    }
    // JSON has no leading zeros; more than 18 digits may not fit a long: both are the full parser's to judge.
    int count = at - digits;
    if (count == 0 || count > 18 || (count > 1 && json.charAt(digits) == '0')) {
      throw new NotPlain();
    }
    return Long.parseLong(json, start, at, 10);
  }

  private String string() throws NotPlain {
    expect("\"");
    StringBuilder text = null;
    int start = at;
    while (at < json.length()) {
      char c = json.charAt(at);
      if (c == '"') {
        String tail = json.substring(start, at++);
        return text == null ? tail : text.append(tail).toString();
      }
      if (c < 0x20) {
        throw new NotPlain();
      }
      if (c == '\\') {
        text = text == null ? new StringBuilder() : text;
        text.append(json, start, at);
        text.append(escaped());
        start = at;
      } else {
        at++;
      }
    }
    throw new NotPlain();
  }

  /** The character of the escape at {@link #at}, which is moved past it. */
  private char escaped() throws NotPlain {
    if (at + 1 >= json.length()) {
      throw new NotPlain();
    }
    char kind = json.charAt(at + 1);
    at += 2;
    return switch (kind) {
      case '"', '\\', '/' -> kind;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (at + 4 > json.length()) {
          throw new NotPlain();
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(json.charAt(at + i), 16);
          if (digit < 0 || json.charAt(at + i) >= 128) {
            throw new NotPlain();
          }
          code = code * 16 + digit;
        }
        at += 4;
        yield (char) code;
      }
      default -> throw new NotPlain();
    };
  }

  private boolean next(char c) {
    if (at < json.length() && json.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String text) throws NotPlain {
    if (!json.startsWith(text, at)) {
      throw new NotPlain();
    }
    at += text.length();
  }
}
