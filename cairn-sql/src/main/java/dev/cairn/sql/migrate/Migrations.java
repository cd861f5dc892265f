package dev.cairn.sql.migrate;

import dev.cairn.core.Result;

/**
 * The versioned schema of one named database (see {@link dev.cairn.sql.registry.Databases#migrations}). Flyway
 * applies the scripts {@code V{n}__{slug}.sql} of {@code db/migration/{name}} (class path or the configured
 * directory) and keeps its history in {@code flyway_schema_history} inside that database; Cairn adds
 * {@link #generate} (the record models diffed against the live schema) and {@link #downgrade} (the matching
 * {@code U{n}__{slug}.sql} undo scripts applied in reverse).
 *
 * <p>Every operation returns a {@link Result}: INVALID {@code MIGRATION_FAILED} when a script fails (the message
 * names the script and the database's error), INVALID {@code VALIDATION_FAILED} when applied scripts were changed
 * or removed, UNAVAILABLE when the database cannot be reached, and the codes named below. Not thread-safe against
 * itself across processes beyond what Flyway's own locking gives; one caller at a time per database.
 */
public interface Migrations {

  /**
   * The migrations of {@code database} itself, without the named-database registry: the history and the tables go
   * into the database the URL names (its current schema on PostgreSQL), the scripts are
   * {@code {migrationsDir}/{name}/V{n}__{slug}.sql} ({@code db/migration/{name}} on the class path when
   * {@code migrationsDir} is null) and {@link #generate} diffs the records the table index gives {@code name}
   * ({@value dev.cairn.sql.registry.Databases#FRAMEWORK} holds those naming no database). Nothing is created in
   * the database before {@link #run}, {@link #baseline} or {@link #downgrade}; a database that already holds tables
   * but no history is adopted at version 0 on the first run. The caller keeps owning
   * {@code database}.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_DATABASE_NAME} for a bad name,
   *     {@code SQLITE_MEMORY_UNSUPPORTED} for {@code sqlite::memory:} (Flyway connects on its own)
   */
  static Migrations of(dev.cairn.sql.Database database, String name, java.nio.file.Path migrationsDir) {
    return dev.cairn.sql.internal.registry.OwnMigrations.of(database, name, migrationsDir, null);
  }

  /**
   * As {@link #of(dev.cairn.sql.Database, String, java.nio.file.Path)}, with the records {@link #generate} diffs
   * given here instead of read from the table index (for projects without the annotation processor).
   */
  static Migrations of(dev.cairn.sql.Database database, String name, java.nio.file.Path migrationsDir,
      java.util.List<Class<? extends Record>> tables) {
    return dev.cairn.sql.internal.registry.OwnMigrations.of(database, name, migrationsDir,
        java.util.Objects.requireNonNull(tables, "tables"));
  }

  /** Every known migration, applied or pending, with versions, states and checksums. */
  Result<MigrationStatus> status();

  /**
   * Applies pending migrations up to {@code target} inclusive ({@code null}, {@code "head"} or {@code "latest"} for
   * all).
   *
   * @return the versions applied, in order (empty when nothing was pending)
   */
  default Result<java.util.List<String>> run(String target) {
    return run(target, MigrationProgress.NONE);
  }

  /** As {@link #run(String)}, telling {@code progress} before each script. */
  Result<java.util.List<String>> run(String target, MigrationProgress progress);

  /** Checks applied scripts against the files (checksums, missing files); pending scripts are fine. */
  Result<Void> validate();

  /**
   * Marks an existing database as being at {@code version} ({@code null} for 1) without running anything, so
   * later runs start above it. INVALID {@code ALREADY_MIGRATED} when the history already holds migrations.
   */
  Result<Void> baseline(String version);

  /**
   * Writes the next {@code V{n}__{slug}.sql} and its undo {@code U{n}__{slug}.sql} into the migrations directory,
   * holding what turns the live schema into the record models: new tables, added and dropped columns, nullability
   * changes, new and dropped indexes and unique constraints (on SQLite a table rebuild where ALTER cannot).
   * Steps that lose data (dropped columns) are marked {@code -- DESTRUCTIVE} and refused with INVALID
   * {@code DESTRUCTIVE_CHANGE_REFUSED} unless {@code allowDestructive}. When the models match the schema nothing
   * is written and the result says so ({@link GeneratedMigration#written()} false). INVALID
   * {@code MESSAGE_REQUIRED} for a blank message; INVALID {@code NO_MIGRATIONS_DIR} when migrations come from the
   * class path.
   */
  Result<GeneratedMigration> generate(String message, boolean allowDestructive);

  /**
   * Applies the undo scripts of every applied version above {@code target} (use {@code "0"} for all), newest
   * first, each with the removal of its history row in one transaction where the database allows DDL in
   * transactions (SQLite, PostgreSQL; MariaDB/MySQL commit each DDL statement). A later {@link #run} re-applies
   * them. NOT_FOUND {@code UNDO_SCRIPT_MISSING} (before anything is undone) when a version has no undo script.
   *
   * @return the versions undone, newest first
   */
  default Result<java.util.List<String>> downgrade(String target) {
    return downgrade(target, MigrationProgress.NONE);
  }

  /** As {@link #downgrade(String)}, telling {@code progress} before each undo script. */
  Result<java.util.List<String>> downgrade(String target, MigrationProgress progress);
}
