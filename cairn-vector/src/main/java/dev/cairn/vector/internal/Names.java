package dev.cairn.vector.internal;

import java.util.regex.Pattern;

/** Collection names (they become directory and table names, so they are strict) and shown user text. */
public final class Names {
  private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final int SHOWN = 80;

  private Names() {}

  public static boolean validCollection(String name) {
    return name != null && COLLECTION.matcher(name).matches();
  }

  /** Caller text for a message: control characters replaced, at most 80 characters. */
  public static String shown(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(SHOWN).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.codePointCount(0, text.length()) > SHOWN ? out + "..." : out.toString();
  }
}
