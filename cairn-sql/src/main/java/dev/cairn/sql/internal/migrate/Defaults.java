package dev.cairn.sql.internal.migrate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * Compares a model's DEFAULT literal with the default text a database reports, which each dialect dresses
 * differently: PostgreSQL adds casts ({@code 'a'::text}, {@code '-1'::integer}), MariaDB says {@code NULL} for no
 * default and stores booleans as {@code 0}/{@code 1}, decimals come back with trailing zeros. Both sides are reduced
 * to a canonical text first: no casts or parentheses, booleans as 0/1, numbers (quoted or not) as plain decimals.
 */
final class Defaults {
  private Defaults() {}

  static boolean same(String modelLiteral, String liveText) {
    return Objects.equals(canonical(modelLiteral), canonical(liveText));
  }

  static String canonical(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    String previous;
    do {
      previous = value;
      value = value.replaceAll("::[a-zA-Z ]+(\\(\\d+(,\\d+)?\\))?$", "").strip();
      if (value.startsWith("(") && value.endsWith(")")) {
        value = value.substring(1, value.length() - 1).strip();
      }
    } while (!value.equals(previous));
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("null")) {
      return null;
    }
    if (lower.equals("true") || lower.equals("false")) {
      return lower.equals("true") ? "1" : "0";
    }
    String unquoted = value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
        ? value.substring(1, value.length() - 1) : null;
    String number = unquoted != null ? unquoted : value;
    if (number.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }
    return unquoted != null ? "'" + unquoted + "'" : value;
  }
}
