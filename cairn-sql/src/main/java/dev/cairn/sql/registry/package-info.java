/**
 * Named databases: {@link dev.cairn.sql.registry.Databases}, the {@link dev.cairn.sql.registry.DatabaseName}
 * annotation and the compile-time {@link dev.cairn.sql.registry.TableIndex}.
 *
 * <p>The index is written by an annotation processor shipped in cairn-sql
 * ({@code dev.cairn.sql.internal.registry.TableIndexProcessor}, registered in
 * {@code META-INF/services/javax.annotation.processing.Processor}). javac on JDK 23 and later no longer runs
 * processors it finds on the class path unless asked, so a project whose records carry {@code @DatabaseName} or
 * {@code @TableName} adds one of these to its build:
 *
 * <pre>{@code
 * <!-- maven-compiler-plugin: run class-path processors (JDK 21+ javac) -->
 * <configuration><proc>full</proc></configuration>
 *
 * <!-- or name the processor's jar explicitly -->
 * <configuration>
 *   <annotationProcessorPaths>
 *     <path><groupId>dev.cairn</groupId><artifactId>cairn-sql</artifactId><version>...</version></path>
 *   </annotationProcessorPaths>
 * </configuration>
 * }</pre>
 *
 * <p>(Gradle: {@code annotationProcessor("dev.cairn:cairn-sql:...")}.) Without it the index is missing and the
 * registry holds only an empty {@value dev.cairn.sql.registry.Databases#FRAMEWORK} database unless tables are
 * given explicitly with {@link dev.cairn.sql.registry.DatabasesConfig#withTables}.
 */
package dev.cairn.sql.registry;
