package dev.cairn.sql;

import dev.cairn.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a raw query ({@link Session#query}): column label to value, in the order of the select list.
 * Immutable.
 *
 * <p>Values are normalized as for {@link Rows}: integers as {@code Long}, decimals as {@code BigDecimal}, floating
 * point as {@code Double}, text as {@code String}, booleans as {@code Boolean}, {@code timestamptz} as
 * {@code Instant}, timestamps without zone as {@code LocalDateTime}, dates as {@code LocalDate}, binary as
 * {@code byte[]}, JSON columns as parsed JSON ({@code Map}, {@code List}, numbers, strings), arrays as {@code List}.
 * SQLite has no column types for expressions, so what it returns is what it stored (integer, real, text, blob).
 *
 * <p>Lookups by name ignore case when no column has the exact name, since servers fold unquoted labels differently.
 * The typed getters convert where it is lossless ({@code getLong} of an integral {@code BigDecimal}, {@code getDouble}
 * of any number, {@code getInstant} of ISO text) and otherwise throw INVALID {@code COLUMN_TYPE_MISMATCH}; an unknown
 * column throws INVALID {@code COLUMN_NOT_FOUND}.
 */
public final class Row {
  private final Map<String, Object> values;

  /** A row from column values in select-list order; the map is copied. */
  public Row(Map<String, ?> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Column labels in select-list order. */
  public List<String> columns() {
    return List.copyOf(values.keySet());
  }

  /** The values by column label, in select-list order; unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Whether the row has this column (exact name, else ignoring case). */
  public boolean has(String column) {
    return key(column) != null;
  }

  /** The value of a column, possibly {@code null}. */
  public Object get(String column) {
    String key = key(column);
    if (key == null) {
      throw new InvalidInputException("COLUMN_NOT_FOUND", "the query returned no column " + column + "; it has "
          + values.keySet(), Map.of("column", column, "columns", List.copyOf(values.keySet())), null);
    }
    return values.get(key);
  }

  public String getString(String column) {
    Object value = get(column);
    return value == null ? null : value instanceof String s ? s : String.valueOf(value);
  }

  public Long getLong(String column) {
    Object value = get(column);
    try {
      return switch (value) {
        case null -> null;
        case Long l -> l;
        case Integer i -> i.longValue();
        case BigDecimal d -> d.longValueExact();
        case Number n when n.doubleValue() == Math.rint(n.doubleValue()) -> n.longValue();
        case String s -> Long.parseLong(s.strip());
        default -> throw mismatch(column, value, "an integer");
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw mismatch(column, value, "an integer");
    }
  }

  public Integer getInt(String column) {
    Long value = getLong(column);
    if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw mismatch(column, value, "an int");
    }
    return value == null ? null : value.intValue();
  }

  public Double getDouble(String column) {
    Object value = get(column);
    try {
      return switch (value) {
        case null -> null;
        case Number n -> n.doubleValue();
        case String s -> Double.parseDouble(s.strip());
        default -> throw mismatch(column, value, "a number");
      };
    } catch (NumberFormatException e) {
      throw mismatch(column, value, "a number");
    }
  }

  public BigDecimal getBigDecimal(String column) {
    Object value = get(column);
    try {
      return switch (value) {
        case null -> null;
        case BigDecimal d -> d;
        case Long l -> BigDecimal.valueOf(l);
        case Number n -> new BigDecimal(n.toString());
        case String s -> new BigDecimal(s.strip());
        default -> throw mismatch(column, value, "a decimal number");
      };
    } catch (NumberFormatException e) {
      throw mismatch(column, value, "a decimal number");
    }
  }

  public Boolean getBoolean(String column) {
    Object value = get(column);
    return switch (value) {
      case null -> null;
      case Boolean b -> b;
      case Number n when n.longValue() == 0 || n.longValue() == 1 -> n.longValue() == 1;
      case String s when s.equalsIgnoreCase("true") || s.equals("1") -> true;
      case String s when s.equalsIgnoreCase("false") || s.equals("0") -> false;
      default -> throw mismatch(column, value, "true or false");
    };
  }

  /** An instant; a {@code LocalDateTime} or zone-less text is read as UTC (how Cairn stores instants). */
  public Instant getInstant(String column) {
    Object value = get(column);
    try {
      return switch (value) {
        case null -> null;
        case Instant i -> i;
        case LocalDateTime t -> t.toInstant(java.time.ZoneOffset.UTC);
        case java.time.OffsetDateTime t -> t.toInstant();
        case String s when s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$") ->
            java.time.OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        case String s -> LocalDateTime.parse(s.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        default -> throw mismatch(column, value, "an instant");
      };
    } catch (java.time.format.DateTimeParseException e) {
      throw mismatch(column, value, "an instant");
    }
  }

  public LocalDate getLocalDate(String column) {
    Object value = get(column);
    try {
      return switch (value) {
        case null -> null;
        case LocalDate d -> d;
        case String s -> LocalDate.parse(s.strip());
        default -> throw mismatch(column, value, "a date");
      };
    } catch (java.time.format.DateTimeParseException e) {
      throw mismatch(column, value, "a date");
    }
  }

  private String key(String column) {
    if (values.containsKey(column)) {
      return column;
    }
    for (String key : values.keySet()) {
      if (key.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
        return key;
      }
    }
    return null;
  }

  private static InvalidInputException mismatch(String column, Object value, String expected) {
    return new InvalidInputException("COLUMN_TYPE_MISMATCH", "column " + column + " holds "
        + value.getClass().getSimpleName() + ", not " + expected, Map.of("column", column), null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row row && row.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Row" + values;
  }
}
