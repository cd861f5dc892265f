package dev.cairn.sql.internal.migrate;

import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import java.nio.file.Path;
import java.util.List;

/**
 * One logical database as the migrations see it. Not API.
 *
 * @param name the logical name; scripts are under {@code db/migration/{name}}
 * @param database the opened database (its schema is what generate diffs against)
 * @param url its URL (credentials for Flyway's connections)
 * @param jdbcUrl the JDBC URL without credentials
 * @param schema the PostgreSQL schema or MariaDB database, {@code null} on SQLite
 * @param tables the record models of this database
 * @param migrationsDir the directory holding {@code {name}/}, or {@code null} for the class path
 * @param adoptExisting whether a database that already holds tables but no history is adopted at version 0 on the
 *     first run (a user's own database); otherwise Flyway refuses it (the registry's dedicated databases)
 */
public record MigrationTarget(String name, Database database, StoreUrl url, String jdbcUrl, String schema,
    List<Class<? extends Record>> tables, Path migrationsDir, boolean adoptExisting) {
  public MigrationTarget {
    tables = List.copyOf(tables);
  }

  /** A target of the registry: a dedicated database, not adopted. */
  public MigrationTarget(String name, Database database, StoreUrl url, String jdbcUrl, String schema,
      List<Class<? extends Record>> tables, Path migrationsDir) {
    this(name, database, url, jdbcUrl, schema, tables, migrationsDir, false);
  }

  /** Where this database's scripts are written, or {@code null} for the class path. */
  Path scriptDir() {
    return migrationsDir == null ? null : migrationsDir.resolve(name);
  }
}
