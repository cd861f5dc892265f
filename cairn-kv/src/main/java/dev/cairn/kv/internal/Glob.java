package dev.cairn.kv.internal;

/**
 * Redis glob patterns: escaping for prefixes and matching for the memory store.
 *
 * <p>{@link #matches} is a port of Redis' {@code stringmatchlen} (util.c) so both backends agree on every corner:
 * {@code *}, {@code ?}, {@code [abc]}, {@code [^a]}, {@code [a-z]} (a reversed range matches too), backslash
 * escapes inside and outside brackets, and an unclosed {@code [} that ends the class at the pattern's end.
 * Comparison is by UTF-16 char, which equals Redis' byte comparison for ASCII patterns. Stateless, thread-safe.
 */
public final class Glob {
  private Glob() {}

  /** {@code text} with {@code * ? [ ] \} escaped, so that it matches only itself. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The text every match of {@code pattern} starts with: its characters up to the first unescaped {@code *},
   * {@code ?} or {@code [}, with escapes resolved ({@code "a\\*b*"} gives {@code "a*b"}). Lets a sorted store
   * scan only the range of keys a pattern can match.
   */
  public static String literalPrefix(String pattern) {
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?' || c == '[') {
        break;
      }
      if (c == '\\' && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
      }
      literal.append(c);
    }
    return literal.toString();
  }

  /** Whether {@code text} matches {@code pattern} as Redis' SCAN MATCH and PSUBSCRIBE decide. */
  public static boolean matches(String pattern, String text) {
    return match(pattern, 0, text, 0);
  }

  private static boolean match(String pattern, int p, String text, int t) {
    while (p < pattern.length() && t < text.length()) {
      char c = pattern.charAt(p);
      switch (c) {
        case '*' -> {
          while (p + 1 < pattern.length() && pattern.charAt(p + 1) == '*') {
            p++;
          }
          if (p + 1 == pattern.length()) {
            return true;
          }
          for (int start = t; start < text.length(); start++) {
            if (match(pattern, p + 1, text, start)) {
              return true;
            }
          }
          return false;
        }
        case '?' -> t++;
        case '[' -> {
          int end = classEnd(pattern, p + 1);
          if (!classMatches(pattern, p + 1, end, text.charAt(t))) {
            return false;
          }
          t++;
          p = end; // points at ']' or past the end for an unclosed class
        }
        case '\\' -> {
          if (p + 1 < pattern.length()) {
            p++;
          }
          if (pattern.charAt(p) != text.charAt(t)) {
            return false;
          }
          t++;
        }
        default -> {
          if (c != text.charAt(t)) {
            return false;
          }
          t++;
        }
      }
      p++;
      if (t == text.length()) {
        while (p < pattern.length() && pattern.charAt(p) == '*') {
          p++;
        }
        break;
      }
    }
    return p >= pattern.length() && t == text.length();
  }

  /** Index of the closing ']' of a class whose body starts at {@code from}, or the pattern length if unclosed. */
  private static int classEnd(String pattern, int from) {
    int i = from;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      i++;
    }
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        i += 2;
      } else if (c == ']') {
        return i;
      } else if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '-') {
        i += 3;
      } else {
        i++;
      }
    }
    return pattern.length();
  }

  private static boolean classMatches(String pattern, int from, int end, char c) {
    int i = from;
    boolean negate = i < end && pattern.charAt(i) == '^';
    if (negate) {
      i++;
    }
    boolean found = false;
    while (i < end) {
      char first = pattern.charAt(i);
      if (first == '\\' && i + 1 < pattern.length()) {
        found |= pattern.charAt(i + 1) == c;
        i += 2;
      } else if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '-') {
        char low = first;
        char high = pattern.charAt(i + 2);
        if (low > high) {
          char swap = low;
          low = high;
          high = swap;
        }
        found |= c >= low && c <= high;
        i += 3;
      } else {
        found |= first == c;
        i++;
      }
    }
    return negate != found;
  }
}
