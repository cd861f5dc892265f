package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

  @Override
  String shownDatabase() {
    return POSTGRES.storeUrl().redacted();
  }

  // The messages used to say "database framework", the scripts' folder, whatever --db named; the URL they name
  // now must not show its password (the server trusts any).
  @Test
  void run_urlWithPassword_messagesNameTheUrlWithoutThePassword() {
    StoreUrl server = POSTGRES.storeUrl();
    String withPassword = "postgresql://" + (server.user() == null ? "postgres" : server.user()) + ":s3cret@"
        + server.hosts().get(0) + "/" + server.path();
    String shown = StoreUrl.parse(withPassword).redacted();

    CliRun run = CliRun.of("migrate", "run", "--db", withPassword, "--dir", dir.resolve("migrations").toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(shown).contains("****").doesNotContain("s3cret");
    assertThat(run.outLines()).containsExactly("applied 1, 2 to database " + shown);
    assertThat(run.err()).contains("database " + shown).doesNotContain("s3cret");
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
