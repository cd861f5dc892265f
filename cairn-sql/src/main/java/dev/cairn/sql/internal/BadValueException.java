package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Unicode;
import java.io.Serial;
import java.util.Map;

/**
 * A value that does not fit its column: INVALID {@code INVALID_VALUE} ({@code INVALID_UNICODE} for text with a lone
 * surrogate), naming table and column, never the value.
 */
final class BadValueException extends InvalidInputException {
  @Serial private static final long serialVersionUID = 1L;

  BadValueException(String table, String column, String problem) {
    this("INVALID_VALUE", table, column, problem);
  }

  private BadValueException(String code, String table, String column, String problem) {
    super(code, "invalid value for column " + table + "." + column + ": " + problem,
        Map.of("table", table, "column", column), null);
  }

  /** Throws for text that UTF-8, and so no database here, can store as given (see {@link Unicode}). */
  static void requireStorable(Object value, String table, String column) {
    if (value instanceof String text && Unicode.loneSurrogateIndex(text) >= 0) {
      throw new BadValueException(Unicode.INVALID_UNICODE, table, column,
          "text with a lone UTF-16 surrogate, which UTF-8 cannot store");
    }
  }
}
