package dev.cairn.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column settings of a record component. Without it the column is the component name in snake_case
 * ({@code createdAt} -> {@code created_at}), nullable unless the component is a primitive.
 *
 * <p>Types map as follows on every dialect: {@code String} (VARCHAR(length), or TEXT when length is 0),
 * {@code long/int/short/boolean/double/float} and their boxes, {@code BigDecimal}, {@code Instant}
 * (timestamp with time zone, UTC, microsecond precision: finer digits are truncated; on SQLite fixed-width ISO
 * text that sorts like time for years 0000-9999), {@code LocalDate}, {@code LocalDateTime}, {@code UUID},
 * {@code byte[]}, enums (their name as VARCHAR). Any other type ({@code List}, {@code Map}, records, ...) is
 * stored as JSON text, as is any component with {@code json = true}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  /** Column name; empty means the component name in snake_case. */
  String name() default "";

  /** Adds a UNIQUE constraint. */
  boolean unique() default false;

  /** Adds a (non-unique) index. */
  boolean index() default false;

  /** {@code false} adds NOT NULL; primitives are always NOT NULL. */
  boolean nullable() default true;

  /** Maximum length for strings; 0 means unbounded TEXT (255 is used where a dialect needs a bound to index). */
  int length() default 0;

  /** Stores the value as JSON text even if its type has a direct mapping. */
  boolean json() default false;

  /**
   * The column's DEFAULT as an SQL literal: a number ({@code 0}, {@code -1.5}), a quoted string ({@code 'new'},
   * quotes doubled inside), {@code true} or {@code false}; empty for none. Cairn's own inserts write every column,
   * so the default serves rows written by others and rows that exist when a migration adds the column. Anything
   * else is refused as INVALID {@code INVALID_RECORD} when the record is mapped.
   */
  String defaultValue() default "";
}
