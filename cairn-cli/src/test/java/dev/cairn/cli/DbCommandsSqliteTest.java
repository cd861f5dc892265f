package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandsSqliteTest extends DbCommandsBehaviour {
  @TempDir
  Path dir;

  @Override
  String url() {
    return "sqlite:" + dir.resolve("cairn.db");
  }

  @Test
  void status_missingFile_notFoundAndNothingCreated() {
    Path missing = dir.resolve("typo.db");

    CliRun run = CliRun.of("db", "status", "--db", "sqlite:" + missing);

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).containsExactly("cairn: no SQLite database at " + missing + " [DATABASE_NOT_FOUND]");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void tables_emptyDatabase_headerOnly() {
    Path empty = dir.resolve("empty.db");
    try (Database db = Database.open("sqlite:" + empty)) {
      assertThat(db.health().up()).isTrue();
    }

    CliRun run = CliRun.of("db", "tables", "--db", "sqlite:" + empty);

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).hasSize(2).first().asString().startsWith("table");
  }
}
