package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Database;
import org.junit.jupiter.api.Test;

/** The {@code migrate} commands on SQLite files under the test's temporary directory. */
class MigrateCommandsSqliteTest extends MigrateCommandsBehaviour {

  @Override
  String url() {
    return "sqlite:" + dir.resolve("data");
  }

  @Test
  void run_all_tableInTheDatabaseFile() {
    cairn("migrate", "run");

    try (Database framework = Database.open("sqlite:" + dir.resolve("data").resolve("framework.db"))) {
      assertThat(framework.schema().table("notes").orElseThrow().columns()).hasSize(3);
    }
  }

  // Issue 10: `migrate run` on sqlite:data/cairn.db used to fill data/framework.db, and `db tables` then showed
  // nothing. Now migrate, db and serve all act on the file the URL names.
  @Test
  void run_onAFileUrl_migratesThatFile_dbTablesSeesIt_noFrameworkFile() {
    String file = "sqlite:" + dir.resolve("data").resolve("cairn.db");

    CliRun run = CliRun.of("migrate", "run", "--db", file, "--dir", dir.resolve("migrations").toString());
    CliRun tables = CliRun.of("db", "tables", "--db", file);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(tables.out()).contains("notes");
    assertThat(dir.resolve("data").resolve("framework.db")).doesNotExist();
  }

  @Test
  void status_sqliteMemory_usageError() {
    CliRun run = CliRun.of("migrate", "status", "--db", "sqlite::memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("named databases need files on SQLite");
  }
}
