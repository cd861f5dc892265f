package dev.cairn.sql.internal;

import dev.cairn.core.Unicode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Binds driver-ready values (the output of {@link ValueKind#bindForm}) by their class. Every text bound passes
 * {@link Unicode#requireWellFormed}: the drivers would otherwise store a lone surrogate as '?' (or worse) and report
 * success, so this is the one place no write path can go around.
 */
final class Jdbc {
  private Jdbc() {}

  /**
   * Text the server should read as the column's own type (json, jsonb, an array): bound with {@code Types.OTHER},
   * so PostgreSQL does not insist on {@code varchar}.
   */
  record Untyped(String text) {}

  static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    switch (value) {
      case null -> statement.setNull(index, Types.NULL);
      case String s -> statement.setString(index, Unicode.requireWellFormed(s, "text parameter " + index));
      case Long l -> statement.setLong(index, l);
      case Integer i -> statement.setInt(index, i);
      case Double d -> statement.setDouble(index, d);
      case BigDecimal d -> statement.setBigDecimal(index, d);
      case Boolean b -> statement.setBoolean(index, b);
      case byte[] bytes -> statement.setBytes(index, bytes);
      case Untyped untyped -> statement.setObject(index,
          Unicode.requireWellFormed(untyped.text(), "text parameter " + index), Types.OTHER);
      default -> statement.setObject(index, value);
    }
  }

  static void bindAll(PreparedStatement statement, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      bind(statement, i + 1, values.get(i));
    }
  }
}
