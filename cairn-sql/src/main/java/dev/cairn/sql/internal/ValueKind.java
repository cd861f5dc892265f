package dev.cairn.sql.internal;

import dev.cairn.sql.Dialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The storage kinds Cairn maps values to, each with one canonical Java type ({@link #javaType}): what filters,
 * cursors and dynamic rows carry. {@link #coerce} turns user input (including strings from admin tools) into the
 * canonical type or refuses it; {@link #bindForm} turns a canonical value into what the driver binds;
 * {@link #read} reads a column back into the canonical type.
 *
 * <p>Instants are stored with microsecond precision in UTC: {@code timestamptz} on PostgreSQL,
 * {@code DATETIME(6)} holding UTC on MariaDB/MySQL, and on SQLite fixed-width ISO text
 * ({@code 2024-01-02T03:04:05.000006Z}) so that text order is time order. Local date-times use the same
 * fixed width without the zone.
 */
enum ValueKind {
  STRING(String.class), LONG(Long.class), DOUBLE(Double.class), DECIMAL(BigDecimal.class), BOOLEAN(Boolean.class),
  INSTANT(Instant.class), LOCAL_DATE(LocalDate.class), LOCAL_DATE_TIME(LocalDateTime.class), UUID_KIND(UUID.class),
  BYTES(byte[].class),
  /**
   * A JSON document (PostgreSQL json/jsonb, MariaDB JSON, SQLite columns declared JSON), as parsed JSON: {@code Map},
   * {@code List}, {@code String}, numbers, {@code Boolean}. A Java {@code String} is a JSON string, not JSON text.
   */
  JSON(Object.class),
  /** A PostgreSQL array ({@code text[]}, {@code int[]}, ...), as a {@code List} (nested lists for dimensions). */
  ARRAY(java.util.List.class);

  private static final DateTimeFormatter FIXED_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);

  final Class<?> javaType;

  ValueKind(Class<?> javaType) {
    this.javaType = javaType;
  }

  /**
   * The canonical value for {@code input}, or {@code null} for {@code null}.
   *
   * @throws BadValueException when the input cannot represent a value of this kind, or is text with a lone
   *     surrogate
   */
  Object coerce(Object input, String table, String column) {
    if (input == null) {
      return null;
    }
    BadValueException.requireStorable(input, table, column);
    if (javaType.isInstance(input)) {
      return switch (input) {
        case Instant instant -> instant.truncatedTo(ChronoUnit.MICROS);
        case LocalDateTime time -> time.truncatedTo(ChronoUnit.MICROS);
        default -> input;
      };
    }
    try {
      return switch (this) {
        case STRING -> input instanceof Enum<?> e ? e.name() : input instanceof Number || input instanceof Boolean
            || input instanceof UUID || input instanceof Character ? input.toString() : fail(input);
        case LONG -> toLong(input);
        case DOUBLE -> input instanceof Number n ? n.doubleValue() : Double.parseDouble(text(input));
        case DECIMAL -> input instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(input));
        case BOOLEAN -> toBoolean(input);
        case INSTANT -> toInstant(input);
        case LOCAL_DATE -> LocalDate.parse(text(input));
        case LOCAL_DATE_TIME -> LocalDateTime.parse(text(input)).truncatedTo(ChronoUnit.MICROS);
        case UUID_KIND -> UUID.fromString(text(input));
        case BYTES -> Base64.getDecoder().decode(text(input));
        case JSON -> input;
        case ARRAY -> input.getClass().isArray() && !(input instanceof byte[])
            ? java.util.Arrays.asList((Object[]) input) : fail(input);
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new BadValueException(table, column, "expected " + describe());
    } catch (IllegalArgumentException e) {
      throw new BadValueException(table, column, "expected " + describe());
    }
  }

  String describe() {
    return switch (this) {
      case STRING -> "text";
      case LONG -> "an integer";
      case DOUBLE -> "a number";
      case DECIMAL -> "a decimal number";
      case BOOLEAN -> "true or false";
      case INSTANT -> "an ISO-8601 instant such as 2024-01-02T03:04:05Z";
      case LOCAL_DATE -> "an ISO-8601 date such as 2024-01-02";
      case LOCAL_DATE_TIME -> "an ISO-8601 date-time such as 2024-01-02T03:04:05";
      case UUID_KIND -> "a UUID";
      case BYTES -> "bytes (base64 text)";
      case JSON -> "JSON";
      case ARRAY -> "an array";
    };
  }

  /** What the driver binds for a canonical value on {@code dialect}; {@code null} stays {@code null}. */
  Object bindForm(Object value, Dialect dialect) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case INSTANT -> switch (dialect) {
        case POSTGRESQL -> OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        case MARIADB, MYSQL -> LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        case SQLITE -> sqliteText(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC), true);
      };
      case LOCAL_DATE_TIME -> dialect == Dialect.SQLITE ? sqliteText((LocalDateTime) value, false) : value;
      case LOCAL_DATE -> dialect == Dialect.SQLITE ? value.toString() : value;
      case UUID_KIND -> dialect == Dialect.POSTGRESQL ? value : value.toString();
      // Sent untyped on PostgreSQL, so the server reads the text as json, jsonb or the array type of the column.
      case JSON -> dialect == Dialect.POSTGRESQL ? new Jdbc.Untyped(dev.cairn.core.Json.write(value))
          : dev.cairn.core.Json.write(value);
      case ARRAY -> new Jdbc.Untyped(arrayLiteral((java.util.List<?>) value));
      default -> value;
    };
  }

  /** Reads column {@code index} into the canonical type; {@code null} for SQL NULL. */
  Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
    Object value = switch (this) {
      case STRING -> rs.getString(index);
      case LONG -> {
        long v = rs.getLong(index);
        yield rs.wasNull() ? null : v;
      }
      case DOUBLE -> {
        double v = rs.getDouble(index);
        yield rs.wasNull() ? null : v;
      }
      case DECIMAL -> rs.getBigDecimal(index);
      case BOOLEAN -> {
        boolean v = rs.getBoolean(index);
        yield rs.wasNull() ? null : v;
      }
      case INSTANT -> readInstant(rs, index, dialect);
      case LOCAL_DATE -> dialect == Dialect.SQLITE ? parseOrNull(rs.getString(index), LocalDate::parse)
          : rs.getObject(index, LocalDate.class);
      case LOCAL_DATE_TIME -> dialect == Dialect.SQLITE ? parseOrNull(rs.getString(index), ValueKind::parseLocal)
          : rs.getObject(index, LocalDateTime.class);
      case UUID_KIND -> dialect == Dialect.POSTGRESQL ? rs.getObject(index, UUID.class)
          : parseOrNull(rs.getString(index), UUID::fromString);
      case BYTES -> rs.getBytes(index);
      case JSON -> parseOrNull(rs.getString(index), text -> dev.cairn.core.Json.read(text, Object.class));
      case ARRAY -> RowReader.array(rs.getArray(index));
    };
    return value;
  }

  private static Instant readInstant(ResultSet rs, int index, Dialect dialect) throws SQLException {
    return switch (dialect) {
      case POSTGRESQL -> {
        OffsetDateTime odt = rs.getObject(index, OffsetDateTime.class);
        yield odt == null ? null : odt.toInstant();
      }
      case MARIADB, MYSQL -> {
        LocalDateTime ldt = rs.getObject(index, LocalDateTime.class);
        yield ldt == null ? null : ldt.toInstant(ZoneOffset.UTC);
      }
      case SQLITE -> parseOrNull(rs.getString(index), ValueKind::parseInstant);
    };
  }

  /** A PostgreSQL array literal: every element double-quoted and escaped, NULL bare, nested lists nested. */
  private static String arrayLiteral(java.util.List<?> list) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object element = list.get(i);
      if (element == null) {
        out.append("NULL");
      } else if (element instanceof java.util.List<?> nested) {
        out.append(arrayLiteral(nested));
      } else {
        String text = element instanceof java.util.Map<?, ?> ? dev.cairn.core.Json.write(element) : element.toString();
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
    return out.append('}').toString();
  }

  private static String sqliteText(LocalDateTime time, boolean zulu) {
    String fast = FixedWidthTime.format(time, zulu);
    return fast != null ? fast : FIXED_MICROS.format(time) + (zulu ? "Z" : "");
  }

  private static LocalDateTime parseLocal(String text) {
    LocalDateTime fast = FixedWidthTime.parse(text);
    return fast != null ? fast : LocalDateTime.parse(text.replace(' ', 'T'));
  }

  private static Instant parseInstant(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC); // a date: its first instant, UTC
    }
    LocalDateTime fast = FixedWidthTime.parse(text);
    if (fast != null && text.endsWith("Z")) {
      return fast.toInstant(ZoneOffset.UTC);
    }
    return text.endsWith("Z") || text.contains("+") ? OffsetDateTime.parse(text).toInstant()
        : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }

  private static <V> V parseOrNull(String text, java.util.function.Function<String, V> parser) {
    return text == null ? null : parser.apply(text);
  }

  private static Long toLong(Object input) {
    return switch (input) {
      case Long l -> l;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case BigInteger b -> b.longValueExact();
      case BigDecimal d -> d.longValueExact();
      case Double d when d == Math.rint(d) && !d.isInfinite() -> d.longValue();
      case Float f when f == Math.rint(f) && !f.isInfinite() -> f.longValue();
      case String s -> Long.parseLong(s.strip());
      default -> fail(input);
    };
  }

  private static Boolean toBoolean(Object input) {
    if (input instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
      return n.longValue() == 1;
    }
    String text = text(input).toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "1", "t", "yes" -> true;
      case "false", "0", "f", "no" -> false;
      default -> fail(input);
    };
  }

  private static Instant toInstant(Object input) {
    return switch (input) {
      case OffsetDateTime odt -> odt.toInstant().truncatedTo(ChronoUnit.MICROS);
      case java.util.Date date -> date.toInstant().truncatedTo(ChronoUnit.MICROS);
      case String s -> parseInstant(s.strip()).truncatedTo(ChronoUnit.MICROS);
      default -> fail(input);
    };
  }

  private static String text(Object input) {
    if (input instanceof String s) {
      return s;
    }
    return fail(input);
  }

  private static <V> V fail(Object input) {
    throw new IllegalArgumentException("unsupported input type " + input.getClass().getSimpleName());
  }
}
