package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.NotFoundException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every {@code migrate} command takes: the database ({@code --db}), optionally a named database beside
 * it ({@code --database}) and the scripts directory ({@code --dir}), and how they open the migrations.
 *
 * <p>Without {@code --database} the migrations act on the {@code --db} database itself, the one {@code cairn db}
 * and {@code cairn serve} show, with the scripts of {@code DIR/framework}; only a SQLite directory URL
 * ({@code sqlite:DIR}, naming no file) means the registry's {@code DIR/framework.db}. With {@code --database} the
 * named-database registry is opened (creating the missing schemas / databases / files) with table creation off:
 * here migrations own the schema.
 *
 * <p>Only {@code migrate run} creates a missing SQLite file (or the named database's file): {@code status},
 * {@code generate} and {@code downgrade} refuse it with {@code DATABASE_NOT_FOUND} unless given {@code --create},
 * as {@code cairn serve} does, so a mistyped path leaves nothing behind.
 */
final class MigrationOptions {
  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "The database, as for cairn db and cairn serve: sqlite:FILE, postgresql://..., mariadb://... "
          + "(default: CAIRN_DATABASE_URL, else DATABASE_URL, else sqlite:data/cairn.db).")
  private String url;

  @Option(
      names = "--database",
      paramLabel = "NAME",
      description = "A named database beside --db: a schema on PostgreSQL, a database on MariaDB, DIR/NAME.db on "
          + "SQLite (default: the --db database itself, with the scripts of DIR/framework).")
  private String database;

  @Option(
      names = {"--dir", "--migrations-dir"},
      paramLabel = "DIR",
      defaultValue = "db/migration",
      description = "Directory of the scripts, DIR/NAME/V{n}__{slug}.sql with U{n}__{slug}.sql undo files "
          + "(default: ${DEFAULT-VALUE}).")
  private Path dir;

  @Option(
      names = {"--classpath", "--cp"},
      paramLabel = "PATH",
      description = "Where your record classes are: class directories and jars separated by '"
          + "${sys:path.separator}' (e.g. target/classes), read for their table index (META-INF/cairn/tables, "
          + "written by cairn-sql's annotation processor); generate diffs those records against the database.")
  private String classpath;

  @Option(
      names = "--create",
      description = "Create a missing SQLite file (migrate run always does); without it status, generate and "
          + "downgrade refuse one (DATABASE_NOT_FOUND), so a mistyped path creates nothing.")
  private boolean create;

  @Mixin
  private ConnectTimeoutOption connectTimeout;

  /**
   * Opens the named databases and the migrations of {@code --database}; the caller closes what it gets.
   *
   * @throws picocli.CommandLine.ParameterException for a malformed or non-SQL URL, {@code sqlite::memory:} or a
   *     bad database name (usage)
   * @param creates whether the command may create a missing SQLite file without {@code --create} ({@code run})
   * @throws dev.cairn.core.NotFoundException {@code DATABASE_NOT_FOUND} for an unknown logical database, or a
   *     missing SQLite file when neither {@code creates} nor {@code --create}
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached
   */
  OpenMigrations open(CommandSpec spec, boolean creates) {
    String text = url != null ? url : StoreEnvironment.system().databaseUrl();
    String name = database != null ? database : Databases.FRAMEWORK;
    DatabasesConfig config;
    try {
      DatabasesConfig.checkName(name);
      config = DatabasesConfig.of(text).withCreateTables(false).withMigrationsDir(dir);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
    UserClasses classes = UserClasses.open(spec, classpath);
    try {
      if (!creates && !create) {
        checkSqliteFileExists(config.url(), name);
      }
      if (database == null && !isSqliteDirectory(config.url())) {
        Database own = Database.open(connectTimeout.apply(DatabaseConfig.of(text)));
        try {
          Migrations migrations = classes == null ? Migrations.of(own, name, dir)
              : Migrations.of(own, name, dir, classes.tables().getOrDefault(name, List.of()));
          return new OpenMigrations(() -> closeAll(own::close, classes), migrations, name,
              config.url().redacted());
        } catch (RuntimeException e) {
          own.close();
          throw e;
        }
      }
      Databases databases = Databases.open(classes == null ? config : config.withTables(classes.tables()));
      try {
        return new OpenMigrations(() -> closeAll(databases::close, classes), databases.migrations(name).orElseThrow(),
            name, database != null ? name : sqliteFile(config.url(), name).redacted());
      } catch (RuntimeException e) {
        databases.close();
        throw e;
      }
    } catch (RuntimeException e) {
      closeAll(() -> { }, classes);
      throw e;
    }
  }

  private static void closeAll(Runnable first, UserClasses classes) {
    try {
      first.run();
    } finally {
      if (classes != null) {
        classes.close();
      }
    }
  }

  private static void checkSqliteFileExists(StoreUrl url, String name) {
    if (url.kind() != StoreUrl.Kind.SQLITE || url.isSqliteMemory()) {
      return;
    }
    Path file = Path.of(sqliteFile(url, name).path());
    if (!Files.exists(file)) {
      throw new NotFoundException("DATABASE_NOT_FOUND", "no SQLite database at " + file
          + " (give --create to create it, or run cairn migrate run)", Map.of("path", file.toString()), null);
    }
  }

  // The file a SQLite URL names, or in a folder of named databases (sqlite:DIR) the named one's DIR/NAME.db.
  private static StoreUrl sqliteFile(StoreUrl url, String name) {
    return isSqliteDirectory(url) ? url.withPath(Path.of(url.path()).resolve(name + ".db").toString()) : url;
  }

  // sqlite:DIR names the folder of the named databases rather than a database (see DatabasesConfig.of).
  private static boolean isSqliteDirectory(StoreUrl url) {
    if (url.kind() != StoreUrl.Kind.SQLITE) {
      return false;
    }
    Path path = Path.of(url.path());
    return Files.isDirectory(path) || !Files.exists(path) && !path.getFileName().toString().endsWith(".db");
  }

  /**
   * The opened database or registry and the migrations of one database.
   *
   * @param closer closes the registry or the database; run by {@link #close()}
   * @param migrations the migrations of {@code name}
   * @param name the logical database name (its scripts are under {@code DIR/name})
   * @param shown how messages name the database: the {@code --database} name, else the URL of the {@code --db}
   *     database (or of the registry's SQLite file under a folder URL) with its password masked; not {@code name},
   *     which is only the scripts' folder then
   */
  record OpenMigrations(Runnable closer, Migrations migrations, String name, String shown) implements AutoCloseable {
    @Override
    public void close() {
      closer.run();
    }
  }
}
