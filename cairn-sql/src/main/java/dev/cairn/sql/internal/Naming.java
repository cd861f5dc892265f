package dev.cairn.sql.internal;

import java.util.Locale;

/** Derives table and column names from Java names: snake_case, and a simple English plural for tables. */
final class Naming {
  private Naming() {}

  /** {@code createdAt} -> {@code created_at}, {@code HTTPCode} -> {@code http_code}. */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean afterUpperRun = i > 0 && Character.isUpperCase(javaName.charAt(i - 1)) && nextLower;
        if (i > 0 && (previousLower || afterUpperRun) && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code User} -> {@code users}, {@code Category} -> {@code categories}, {@code Box} -> {@code boxes}. */
  static String tableName(Class<?> type) {
    String snake = snakeCase(type.getSimpleName());
    return plural(snake);
  }

  static String plural(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return word + "es";
    }
    if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }
}
