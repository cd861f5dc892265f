package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import java.io.Serial;
import java.util.Map;

/** A value that does not fit its column: INVALID {@code INVALID_VALUE}, naming table and column, never the value. */
final class BadValueException extends InvalidInputException {
  @Serial private static final long serialVersionUID = 1L;

  BadValueException(String table, String column, String problem) {
    super("INVALID_VALUE", "invalid value for column " + table + "." + column + ": " + problem,
        Map.of("table", table, "column", column), null);
  }
}
