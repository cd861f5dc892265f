package dev.cairn.core;

import java.util.Map;

/**
 * Whether text can be stored as it is. Every Cairn storage keeps text as UTF-8 (SQLite, PostgreSQL, MariaDB, Redis
 * and the memory store alike), and UTF-8 cannot hold a lone UTF-16 surrogate: a {@code char} in
 * {@code \uD800..\uDFFF} that is not half of a pair. Java's encoders silently turn one into {@code ?}, so such text
 * would be stored as other text than was given. Cairn refuses it instead, with {@code INVALID_UNICODE}. Stateless
 * and thread-safe.
 */
public final class Unicode {
  /** The failure code for text with a lone surrogate. */
  public static final String INVALID_UNICODE = "INVALID_UNICODE";

  private Unicode() {}

  /**
   * The index of the first lone surrogate in {@code text}, or -1 when it has none (null has none). A String is
   * first passed through {@link #mayHaveSurrogate}, which costs next to nothing for text stored as Latin-1.
   */
  public static int loneSurrogateIndex(CharSequence text) {
    if (text == null || text instanceof String string && !mayHaveSurrogate(string)) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Whether {@code text} may hold a surrogate, paired or not: a quick pre-check before the precise
   * {@link #loneSurrogateIndex}, which only text with a char at or above U+D800 needs (false positives, chars from
   * U+E000 up, just take the precise path). For checks on every key, value and cell a response writes.
   *
   * <p>Why a plain loop with {@code >=}: C2 unswitches the loop on the string's coder, and in the Latin-1 copy
   * every char is {@code byte & 0xff}, which it knows is below U+D800, so the test folds away and the loop with it:
   * a 64-char ASCII value costs ~1 ns instead of 16-25 ns for chars OR-ed in blocks of 8 (C2 cannot fold that) in
   * a micro-benchmark on the bench machine, with the coder branch of {@code charAt} seen both ways. Text stored
   * UTF-16 is scanned char by char (16-21 ns for 64 chars, either form). The precise loop, with its
   * {@link Character#isSurrogate} range test and pair logic, is not folded: it was 19% of the samples of rendering
   * a page of rows in the HTTP bench's profile.
   */
  public static boolean mayHaveSurrogate(String text) {
    for (int i = 0, length = text.length(); i < length; i++) {
      if (text.charAt(i) >= Character.MIN_SURROGATE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The length of {@code text} in UTF-8, counted without encoding it: what {@code text.getBytes(UTF_8).length}
   * answers, a lone surrogate counted as the one byte of the {@code '?'} Java's encoder writes for it (a storage
   * limit on names is checked against that, before {@link #requireWellFormed} refuses such text, or not at all).
   */
  public static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4; // one code point beyond the BMP: two UTF-16 units, four bytes
        i++;
      } else {
        bytes += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return bytes;
  }

  /**
   * Returns {@code text} when it can be stored as UTF-8 exactly.
   *
   * @param what names the text in the message, e.g. "value for key 'k'"; the text itself is never quoted
   * @throws InvalidInputException {@code INVALID_UNICODE} for a lone surrogate
   */
  public static String requireWellFormed(String text, String what) {
    int index = loneSurrogateIndex(text);
    if (index >= 0) {
      throw new InvalidInputException(INVALID_UNICODE, what + " has a lone UTF-16 surrogate at index " + index
          + " (U+" + Integer.toHexString(text.charAt(index)).toUpperCase(java.util.Locale.ROOT)
          + "), which UTF-8 cannot store", Map.of("index", index), null);
    }
    return text;
  }
}
