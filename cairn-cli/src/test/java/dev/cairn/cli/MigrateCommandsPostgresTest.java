package dev.cairn.cli;

import dev.cairn.sql.Database;
import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code migrate} commands on PostgreSQL: without {@code --database} they act on this class's database itself
 * (its public schema), as {@code cairn db} does; named databases are schemas of it.
 */
class MigrateCommandsPostgresTest extends MigrateCommandsBehaviour {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Override
  String url() {
    return POSTGRES.url();
  }

  // Every test starts from a database without migrations, as the SQLite tests do with a fresh directory.
  @AfterEach
  void dropFrameworkSchema() {
    try (Database db = Database.open(url())) {
      db.execute("DROP TABLE IF EXISTS notes, flyway_schema_history").orElseThrow();
      db.execute("DROP SCHEMA IF EXISTS framework CASCADE").orElseThrow();
    }
  }
}
