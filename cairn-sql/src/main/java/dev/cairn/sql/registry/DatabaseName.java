package dev.cairn.sql.registry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a record's table in a named database of the {@link Databases} registry. Records without it that carry
 * {@link dev.cairn.sql.TableName} belong to {@value Databases#FRAMEWORK}.
 *
 * <p>The annotation processor of cairn-sql ({@code dev.cairn.sql.internal.registry.TableIndexProcessor}) lists
 * every annotated record in {@code META-INF/cairn/tables} at compile time; the registry reads that index instead
 * of scanning the class path. On JDK 23 and later javac runs processors found on the class path only when asked:
 * compile with {@code -proc:full}, or name cairn-sql in maven-compiler-plugin's {@code annotationProcessorPaths}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseName {
  /** The database name: lower-case letters, digits and underscores, starting with a letter. */
  String value() default Databases.FRAMEWORK;
}
