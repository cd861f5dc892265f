package dev.cairn.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the primary-key component of a record. Without it a component named {@code id} is the key.
 *
 * <p>With {@code generated = true} (the default) an integer key ({@code Long}, {@code long}, {@code Integer},
 * {@code int}) is assigned by the database on insert when the record holds {@code null} or {@code 0}, and a
 * {@code UUID} key is assigned a random UUID by Cairn; a {@code String} key must always be assigned. With
 * {@code generated = false} the caller always assigns the key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Id {
  boolean generated() default true;
}
