package dev.cairn.sql.registry;

import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.migrate.Migrations;
import java.util.List;
import java.util.Map;

/**
 * The named databases of a service: {@value #FRAMEWORK} plus one per module, each holding the tables of the
 * records that name it with {@link DatabaseName}. On SQLite each is a file {@code {dataDir}/{name}.db}; on
 * PostgreSQL a schema of the URL's database; on MariaDB/MySQL a database of the server. Opening creates the
 * missing ones and (unless turned off) their tables.
 *
 * <pre>{@code
 * try (Databases databases = Databases.open(DatabasesConfig.of("sqlite:data"))) {
 *   Database billing = databases.get("billing").orElseThrow();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing closes every database.
 */
public interface Databases extends AutoCloseable {

  /** The database every record without {@link DatabaseName} belongs to. */
  String FRAMEWORK = "framework";

  /**
   * Opens (creating where missing) every database named in the configuration's tables, plus {@value #FRAMEWORK}.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_DATABASE_NAME} for a bad name, {@code INVALID_RECORD}
   *     for a record that cannot be mapped, {@code TABLE_INDEX_INVALID} for an index entry naming a missing class
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached or a database, schema or table
   *     cannot be created; already opened databases are closed again
   */
  static Databases open(DatabasesConfig config) {
    return dev.cairn.sql.internal.registry.NamedDatabases.open(config);
  }

  /** The logical names, sorted. */
  List<String> list();

  /** The database with this logical name, or NOT_FOUND {@code DATABASE_NOT_FOUND} naming the known ones. */
  Result<Database> get(String name);

  /** The record types registered for a database (empty for an unknown name). */
  List<Class<? extends Record>> tables(String name);

  /** The migrations of one database, or NOT_FOUND {@code DATABASE_NOT_FOUND}. */
  Result<Migrations> migrations(String name);

  /** The health of every database by logical name; never throws. */
  Map<String, Health> health();

  /** Closes every database; idempotent. */
  @Override
  void close();
}
