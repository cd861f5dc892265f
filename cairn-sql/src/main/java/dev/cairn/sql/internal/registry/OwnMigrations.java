package dev.cairn.sql.internal.registry;

import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.sql.internal.migrate.FlywayMigrations;
import dev.cairn.sql.internal.migrate.MigrationTarget;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.DatabasesConfig;
import dev.cairn.sql.registry.TableIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * The migrations of a database the caller opened itself (no registry): Flyway works in the URL's own database
 * (the connection's schema on PostgreSQL, the URL's database on MariaDB, the file on SQLite) and creates nothing
 * before a migration is asked for. A database that already holds tables but no history is adopted at version 0
 * on the first run (its tables stay as they are; every script from V1 on applies). Not API; see {@link Migrations#of}.
 */
public final class OwnMigrations {
  private OwnMigrations() {}

  /** See {@link Migrations#of}. */
  public static Migrations of(Database database, String name, Path migrationsDir,
      List<Class<? extends Record>> records) {
    DatabasesConfig.checkName(name);
    StoreUrl url = database.url();
    if (url.isSqliteMemory()) {
      throw new dev.cairn.core.InvalidInputException("SQLITE_MEMORY_UNSUPPORTED",
          "migrations need a file on SQLite, not " + url);
    }
    List<Class<? extends Record>> tables = records != null ? records
        : TableIndex.load(OwnMigrations.class.getClassLoader()).getOrDefault(name, List.of());
    return new FlywayMigrations(new MigrationTarget(name, database, url, PhysicalLayout.jdbcUrl(url), null, tables,
        migrationsDir, true));
  }
}
