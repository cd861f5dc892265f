package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every {@code migrate} command takes: the server or SQLite location ({@code --db}), the logical
 * database ({@code --database}) and the scripts directory ({@code --dir}), and how they open the migrations. The
 * registry is opened with table creation off: here migrations own the schema.
 */
final class MigrationOptions {
  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "Server (postgresql://..., mariadb://...) or SQLite location (sqlite:DIR or a file in it) of the "
          + "named databases (default: CAIRN_DATABASE_URL, else DATABASE_URL, else sqlite:data/cairn.db).")
  private String url;

  @Option(
      names = "--database",
      paramLabel = "NAME",
      defaultValue = Databases.FRAMEWORK,
      description = "The logical database (default: ${DEFAULT-VALUE}).")
  private String database;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "db/migration",
      description = "Directory of the scripts, DIR/NAME/V{n}__{slug}.sql with U{n}__{slug}.sql undo files "
          + "(default: ${DEFAULT-VALUE}).")
  private Path dir;

  /**
   * Opens the named databases and the migrations of {@code --database}; the caller closes what it gets.
   *
   * @throws picocli.CommandLine.ParameterException for a malformed or non-SQL URL, {@code sqlite::memory:} or a
   *     bad database name (usage)
   * @throws dev.cairn.core.NotFoundException {@code DATABASE_NOT_FOUND} for an unknown logical database
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached
   */
  OpenMigrations open(CommandSpec spec) {
    String text = url != null ? url : StoreEnvironment.system().databaseUrl();
    DatabasesConfig config;
    try {
      DatabasesConfig.checkName(database);
      config = DatabasesConfig.of(text).withCreateTables(false).withMigrationsDir(dir);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
    Databases databases = Databases.open(config);
    try {
      return new OpenMigrations(databases, databases.migrations(database).orElseThrow(), database);
    } catch (RuntimeException e) {
      databases.close();
      throw e;
    }
  }

  /**
   * The opened registry and the migrations of one of its databases.
   *
   * @param databases the registry, closed by {@link #close()}
   * @param migrations the migrations of {@code name}
   * @param name the logical database name
   */
  record OpenMigrations(Databases databases, Migrations migrations, String name) implements AutoCloseable {
    @Override
    public void close() {
      databases.close();
    }
  }
}
