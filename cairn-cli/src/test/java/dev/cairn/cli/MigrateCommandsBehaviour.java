package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code migrate} commands do on any database; subclasses say where ({@link #url()}). Hand-written scripts
 * for the {@code framework} database: V1 creates a table, V2 adds a column, each with its undo script.
 */
abstract class MigrateCommandsBehaviour {
  @TempDir
  Path dir;

  private Path scripts;

  /** The server, or the SQLite location, of the named databases. */
  abstract String url();

  /** How the messages name the database the migrations act on: its URL, redacted. */
  abstract String shownDatabase();

  @BeforeEach
  void writeScripts() throws IOException {
    scripts = dir.resolve("migrations");
    Path framework = Files.createDirectories(scripts.resolve("framework"));
    Files.writeString(framework.resolve("V1__create_notes.sql"),
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n");
    Files.writeString(framework.resolve("U1__create_notes.sql"), "DROP TABLE notes;\n");
    Files.writeString(framework.resolve("V2__add_author.sql"), "ALTER TABLE notes ADD COLUMN author TEXT;\n");
    Files.writeString(framework.resolve("U2__add_author.sql"), "ALTER TABLE notes DROP COLUMN author;\n");
  }

  /** Options every command of the shared tests gets, to create what is missing; none by default. */
  String[] createOptions() {
    return new String[0];
  }

  CliRun cairn(String... args) {
    java.util.List<String> withOptions = new java.util.ArrayList<>(java.util.List.of(args));
    withOptions.addAll(java.util.List.of("--db", url(), "--dir", scripts.toString()));
    withOptions.addAll(java.util.List.of(createOptions()));
    return CliRun.of(withOptions.toArray(String[]::new));
  }

  @Test
  void status_fresh_bothPending() {
    CliRun run = cairn("migrate", "status");

    assertThat(run.code()).isZero();
    assertThat(run.out()).containsPattern("(?m)^1\\s+create notes\\s+PENDING").containsPattern("(?m)^2\\s+add author")
        .contains("(database " + shownDatabase() + ": current version none; 0 applied, 2 pending, 0 failed)");
  }

  @Test
  void run_all_appliesBothAndStatusShowsThem() {
    CliRun run = cairn("migrate", "run");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("applied 1, 2 to database " + shownDatabase());
    CliRun status = cairn("migrate", "status", "--json");
    assertThat(status.json().get("current").asText()).isEqualTo("2");
    assertThat(status.json().get("migrations").findValuesAsText("state")).containsExactly("SUCCESS", "SUCCESS");
  }

  /** Issue 10: off a terminal, one plain progress line per script on stderr; stdout keeps only the JSON. */
  @Test
  void runAndDowngrade_notOnATerminal_oneProgressLinePerScript() throws IOException {
    Files.writeString(scripts.resolve("framework").resolve("V3__index_body.sql"),
        "CREATE INDEX notes_author ON notes (author);\n");
    Files.writeString(scripts.resolve("framework").resolve("U3__index_body.sql"), "DROP INDEX notes_author;\n");

    CliRun run = cairn("migrate", "run", "--json");
    CliRun downgrade = cairn("migrate", "downgrade", "--target", "1", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).containsSubsequence("migrate: 1/3 V1__create_notes.sql",
        "migrate: 2/3 V2__add_author.sql", "migrate: 3/3 V3__index_body.sql");
    assertThat(run.json().get("applied").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
    assertThat(downgrade.code()).as(downgrade.err()).isZero();
    assertThat(downgrade.errLines()).containsSubsequence("downgrade: 1/2 U3__index_body.sql",
        "downgrade: 2/2 U2__add_author.sql");
    assertThat(downgrade.json().get("undone").toString()).isEqualTo("[\"3\",\"2\"]");
    assertThat(run.err() + downgrade.err()).doesNotContain("\r");
  }

  @Test
  void run_target_stopsThereAndAgainIsNothing() {
    CliRun first = cairn("migrate", "run", "--target", "1");
    CliRun second = cairn("migrate", "run", "--target", "1");

    assertThat(first.outLines()).containsExactly("applied 1 to database " + shownDatabase());
    assertThat(second.outLines()).containsExactly("nothing to apply; database " + shownDatabase() + " is up to date");
  }

  @Test
  void downgrade_toOne_undoesTwoAndRunReappliesIt() {
    cairn("migrate", "run");

    CliRun downgrade = cairn("migrate", "downgrade", "--target", "1");
    CliRun status = cairn("migrate", "status", "--json");
    CliRun rerun = cairn("migrate", "run", "--json");

    assertThat(downgrade.code()).isZero();
    assertThat(downgrade.outLines()).containsExactly("undid 2 in database " + shownDatabase());
    assertThat(status.json().get("current").asText()).isEqualTo("1");
    assertThat(rerun.out()).contains("\"applied\":[\"2\"]");
  }

  @Test
  void downgrade_missingTarget_usageError() {
    CliRun run = cairn("migrate", "downgrade");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("--target");
  }

  @Test
  void run_brokenScript_failureNamingTheScript() throws IOException {
    Files.writeString(scripts.resolve("framework").resolve("V3__broken.sql"), "CREATE TABLE oops (;\n");

    CliRun run = cairn("migrate", "run");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).last().asString().contains("V3__broken").endsWith("[MIGRATION_FAILED]");
  }

  @Test
  void generate_noModelsOnTheClassPath_nothingWritten() throws IOException {
    CliRun run = cairn("migrate", "generate", "-m", "nothing new");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("nothing written");
    try (Stream<Path> files = Files.list(scripts.resolve("framework"))) {
      assertThat(files.count()).isEqualTo(4);
    }
  }

  @Test
  void generate_noMessage_usageError() {
    CliRun run = cairn("migrate", "generate");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("--message");
  }

  @Test
  void status_unknownDatabase_notFound() {
    CliRun run = cairn("migrate", "status", "--database", "billing");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).singleElement().asString().endsWith("[DATABASE_NOT_FOUND]");
  }

  @Test
  void status_badDatabaseName_usageError() {
    CliRun run = cairn("migrate", "status", "--database", "x; drop");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("database name 'x; drop'");
  }
}
