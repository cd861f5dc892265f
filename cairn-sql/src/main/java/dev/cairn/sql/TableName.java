package dev.cairn.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the table a record maps to. Without it the table is the record's simple name in snake_case with an
 * a simple English plural ({@code User} -> {@code users}, {@code OrderLine} -> {@code order_lines},
 * {@code Category} -> {@code categories}, {@code Box} -> {@code boxes}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TableName {
  String value();
}
