package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code migrate} commands on SQLite files under the test's temporary directory. */
class MigrateCommandsSqliteTest extends MigrateCommandsBehaviour {

  // status, generate and downgrade refuse a missing file: the shared tests start from none and say --create.
  @Override
  String[] createOptions() {
    return new String[] {"--create"};
  }

  @Override
  String url() {
    return "sqlite:" + dir.resolve("data");
  }

  // A folder URL means the registry's file of the framework database.
  @Override
  String shownDatabase() {
    return "sqlite:" + dir.resolve("data").resolve("framework.db");
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
    assertThat(run.outLines()).containsExactly("applied 1, 2 to database " + file);
    assertThat(tables.out()).contains("notes");
    assertThat(dir.resolve("data").resolve("framework.db")).doesNotExist();
  }

  @Test
  void status_sqliteMemory_usageError() {
    CliRun run = CliRun.of("migrate", "status", "--db", "sqlite::memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("named databases need files on SQLite");
  }

  // Issue 10: status and generate only read; on a mistyped file they must not leave an empty database behind.
  @Test
  void statusAndGenerate_missingFile_notFoundAndNothingCreated() {
    Path missing = dir.resolve("typo").resolve("shpo.db");

    CliRun status = CliRun.of("migrate", "status", "--db", "sqlite:" + missing);
    CliRun generate = CliRun.of("migrate", "generate", "-m", "x", "--db", "sqlite:" + missing, "--dir",
        dir.resolve("migrations").toString());

    for (CliRun run : java.util.List.of(status, generate)) {
      assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(run.errLines()).singleElement().asString().contains("[DATABASE_NOT_FOUND]").contains("--create");
    }
    assertThat(dir.resolve("typo")).doesNotExist();
  }

  @Test
  void status_missingFileWithCreate_createsIt() {
    Path missing = dir.resolve("new.db");

    CliRun status = CliRun.of("migrate", "status", "--create", "--db", "sqlite:" + missing);

    assertThat(status.code()).as(status.err()).isZero();
    assertThat(missing).exists();
  }
}
