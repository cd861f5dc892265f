package dev.cairn.cli;

import dev.cairn.sql.Database;
import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code migrate} commands on PostgreSQL: the named databases are schemas of this class's database. */
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
      db.execute("DROP SCHEMA IF EXISTS framework CASCADE").orElseThrow();
    }
  }
}
