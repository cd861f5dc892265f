package dev.cairn.sql.internal;

import dev.cairn.core.Json;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Row;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads rows of any result set into {@link Row}s with values normalized across dialects (see {@link Row}). The
 * column readers are chosen once per result set from its metadata.
 */
final class RowReader {
  @FunctionalInterface
  private interface ColumnRead {
    Object read(ResultSet rs, int index) throws SQLException;
  }

  private final String[] labels;
  private final ColumnRead[] reads;

  private RowReader(String[] labels, ColumnRead[] reads) {
    this.labels = labels;
    this.reads = reads;
  }

  static RowReader of(ResultSet rs, Dialect dialect) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    String[] labels = new String[count];
    ColumnRead[] reads = new ColumnRead[count];
    for (int i = 0; i < count; i++) {
      labels[i] = meta.getColumnLabel(i + 1);
      String declared = String.valueOf(meta.getColumnTypeName(i + 1)).toLowerCase(Locale.ROOT);
      reads[i] = dialect == Dialect.SQLITE ? (declared.equals("json") ? RowReader::jsonText : RowReader::sqliteValue)
          : serverRead(meta.getColumnType(i + 1), String.valueOf(meta.getColumnTypeName(i + 1)), dialect);
    }
    return new RowReader(labels, reads);
  }

  /** One column normalized as a {@link Row} value (for a single column; a reader per call). */
  static Object readNormalized(ResultSet rs, int index, Dialect dialect) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    if (dialect == Dialect.SQLITE) {
      return sqliteValue(rs, index);
    }
    return serverRead(meta.getColumnType(index), String.valueOf(meta.getColumnTypeName(index)), dialect)
        .read(rs, index);
  }

  List<String> labels() {
    return Arrays.asList(labels);
  }

  Row read(ResultSet rs) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>(labels.length * 2);
    for (int i = 0; i < labels.length; i++) {
      values.put(labels[i], reads[i].read(rs, i + 1));
    }
    return new Row(values);
  }

  /** SQLite returns what it stored; only its integer width is normalized. */
  private static Object sqliteValue(ResultSet rs, int index) throws SQLException {
    Object value = rs.getObject(index);
    return value instanceof Integer i ? Long.valueOf(i) : value;
  }

  private static Object jsonText(ResultSet rs, int index) throws SQLException {
    return parseJson(rs.getString(index));
  }

  private static ColumnRead serverRead(int jdbcType, String typeName, Dialect dialect) {
    String type = typeName.toLowerCase(Locale.ROOT);
    if (type.equals("json") || type.equals("jsonb")) {
      return (rs, index) -> parseJson(rs.getString(index));
    }
    return switch (jdbcType) {
      case Types.BIT, Types.BOOLEAN -> type.startsWith("bit") && dialect != Dialect.POSTGRESQL
          ? (rs, index) -> rs.getObject(index) : (rs, index) -> {
            boolean v = rs.getBoolean(index);
            return rs.wasNull() ? null : v;
          };
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> (rs, index) -> {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
      };
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> (rs, index) -> {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
      };
      case Types.DECIMAL, Types.NUMERIC -> (rs, index) -> rs.getBigDecimal(index);
      case Types.DATE -> (rs, index) -> rs.getObject(index, LocalDate.class);
      case Types.TIMESTAMP_WITH_TIMEZONE -> RowReader::instant;
      case Types.TIMESTAMP -> type.equals("timestamptz") ? RowReader::instant
          : (rs, index) -> rs.getObject(index, LocalDateTime.class);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> (rs, index) -> rs.getBytes(index);
      case Types.ARRAY -> (rs, index) -> array(rs.getArray(index));
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB ->
          (rs, index) -> rs.getString(index);
      default -> (rs, index) -> {
        Object value = rs.getObject(index);
        return value instanceof java.util.UUID || value instanceof Number || value instanceof Boolean || value == null
            ? value : value.toString();
      };
    };
  }

  private static Object instant(ResultSet rs, int index) throws SQLException {
    OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static Object parseJson(String text) {
    return text == null ? null : Json.read(text, Object.class);
  }

  /** A SQL array as a list, nested arrays as nested lists, elements normalized like columns. */
  static List<Object> array(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    try {
      return toList(array.getArray());
    } finally {
      array.free();
    }
  }

  private static List<Object> toList(Object javaArray) {
    int length = java.lang.reflect.Array.getLength(javaArray);
    List<Object> list = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      Object element = java.lang.reflect.Array.get(javaArray, i);
      list.add(switch (element) {
        case null -> null;
        case Integer n -> n.longValue();
        case Short n -> n.longValue();
        case Float f -> f.doubleValue();
        case java.sql.Timestamp t -> t.toInstant();
        case Object nested when nested.getClass().isArray() && !(nested instanceof byte[]) -> toList(nested);
        default -> element;
      });
    }
    return list;
  }
}
