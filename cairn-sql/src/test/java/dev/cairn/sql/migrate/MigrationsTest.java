package dev.cairn.sql.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Column;
import dev.cairn.sql.Database;
import dev.cairn.sql.TableName;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status, run, validate, baseline and the failures of generate and downgrade, on SQLite files. */
class MigrationsTest {
  @TempDir
  Path dir;

  @TableName("notes")
  record Note(Long id, @Column(nullable = false) String text, @Column(index = true) int rank) {}

  @TableName("notes")
  record NoteWithoutRank(Long id, @Column(nullable = false) String text) {}

  private Databases open(boolean createTables, Class<? extends Record> model) {
    return Databases.open(DatabasesConfig.of("sqlite:" + dir).withDataDir(dir.resolve("data"))
        .withTables(Map.of("app", List.of(model))).withCreateTables(createTables)
        .withMigrationsDir(dir.resolve("migrations")));
  }

  private static Migrations migrations(Databases databases) {
    return databases.migrations("app").orElseThrow();
  }

  private static <T> Result.Failure<T> failure(Result<T> result) {
    assertThat(result).isInstanceOf(Result.Failure.class);
    return (Result.Failure<T>) result;
  }

  @Test
  void status_freshDatabase_nothingAppliedNothingPending() {
    try (Databases databases = open(false, Note.class)) {
      MigrationStatus status = migrations(databases).status().orElseThrow();

      assertThat(status.database()).isEqualTo("app");
      assertThat(status.current()).isNull();
      assertThat(status.migrations()).isEmpty();
    }
  }

  @Test
  void status_afterGenerate_pendingWithChecksum() {
    try (Databases databases = open(false, Note.class)) {
      migrations(databases).generate("create notes", false).orElseThrow();

      MigrationStatus status = migrations(databases).status().orElseThrow();

      assertThat(status.pending()).isEqualTo(1);
      assertThat(status.migrations().getFirst().script()).isEqualTo("V1__create_notes.sql");
      assertThat(status.migrations().getFirst().checksum()).isNotNull();
    }
  }

  @Test
  void run_target_stopsThere() {
    try (Databases databases = open(false, Note.class)) {
      Migrations migrations = migrations(databases);
      migrations.generate("create notes", false).orElseThrow();
      try (Databases changed = open(false, NoteWithoutRank.class)) {
        // Nothing applied yet, so the second model is diffed against an empty database: a create again.
        assertThat(migrations(changed).generate("again", false).orElseThrow().version()).isEqualTo("2");
      }
      assertThat(migrations.run("1").orElseThrow()).containsExactly("1");
      assertThat(migrations.status().orElseThrow().current()).isEqualTo("1");
      assertThat(migrations.status().orElseThrow().pending()).isEqualTo(1);
    }
  }

  @Test
  void run_badTarget_invalidTarget() {
    try (Databases databases = open(false, Note.class)) {
      Result.Failure<List<String>> failure = failure(migrations(databases).run("1; drop table x"));

      assertThat(failure.status()).isEqualTo(Status.INVALID);
      assertThat(failure.code()).isEqualTo("INVALID_TARGET");
    }
  }

  @Test
  void run_failingScript_migrationFailedNamingScriptAndNothingApplied() throws Exception {
    try (Databases databases = open(false, Note.class)) {
      Path scripts = Files.createDirectories(dir.resolve("migrations").resolve("app"));
      Files.writeString(scripts.resolve("V1__broken.sql"), "create table \"ok_table\" (\"id\" integer);\n"
          + "insert into \"no_such_table\" values (1);\n");

      Result.Failure<List<String>> failure = failure(migrations(databases).run(null));

      assertThat(failure.code()).isEqualTo("MIGRATION_FAILED");
      assertThat(failure.message()).contains("V1__broken.sql").doesNotContain("\n");
      // SQLite runs the script in one transaction: the first statement is rolled back with the second.
      assertThat(databases.get("app").orElseThrow().schema().tables().orElseThrow()).doesNotContain("ok_table");
    }
  }

  @Test
  void run_classPathLocation_appliesHandWrittenScript() {
    try (Databases databases = Databases.open(DatabasesConfig.of("sqlite:" + dir).withDataDir(dir)
        .withTables(Map.of("seeded", List.of())))) {
      Migrations migrations = databases.migrations("seeded").orElseThrow();

      assertThat(migrations.run(null).orElseThrow()).containsExactly("1");
      Database seeded = databases.get("seeded").orElseThrow();
      assertThat(seeded.rows("settings").find("theme").orElseThrow()).containsEntry("value", "dark");
      assertThat(failure(migrations.generate("more", false)).code()).isEqualTo("NO_MIGRATIONS_DIR");
      assertThat(failure(migrations.downgrade("0")).code()).isEqualTo("NO_MIGRATIONS_DIR");
    }
  }

  @Test
  void generate_blankMessage_messageRequiredAndNothingWritten() {
    try (Databases databases = open(false, Note.class)) {
      assertThat(failure(migrations(databases).generate("  ?! ", false)).code()).isEqualTo("MESSAGE_REQUIRED");
      assertThat(dir.resolve("migrations")).doesNotExist();
    }
  }

  @Test
  void generate_tablesCreatedOnOpen_nothingWritten() {
    try (Databases databases = open(true, Note.class)) {
      GeneratedMigration generated = migrations(databases).generate("anything", false).orElseThrow();

      assertThat(generated.written()).isFalse();
      assertThat(generated.message()).isEqualTo("no model changes in database 'app'; nothing written");
      assertThat(dir.resolve("migrations").resolve("app")).doesNotExist();
    }
  }

  @Test
  void generate_droppedColumn_refusedUnlessAllowedThenRebuildKeepsRows() throws Exception {
    try (Databases databases = open(true, Note.class)) {
      databases.get("app").orElseThrow().table(Note.class).insert(new Note(null, "keep me", 3)).orElseThrow();
    }
    try (Databases databases = open(false, NoteWithoutRank.class)) {
      Migrations migrations = migrations(databases);
      migrations.baseline("1").orElseThrow();

      Result.Failure<GeneratedMigration> refused = failure(migrations.generate("drop rank", false));
      assertThat(refused.code()).isEqualTo("DESTRUCTIVE_CHANGE_REFUSED");
      assertThat(refused.message()).contains("notes.rank").contains("nothing written");

      GeneratedMigration generated = migrations.generate("drop rank", true).orElseThrow();
      assertThat(generated.version()).isEqualTo("2");
      assertThat(Files.readString(generated.script()))
          .contains("-- DESTRUCTIVE: rebuild table notes dropping notes.rank");
      assertThat(migrations.run(null).orElseThrow()).containsExactly("2");
      Database app = databases.get("app").orElseThrow();
      assertThat(app.table(NoteWithoutRank.class).find(1L).orElseThrow().text()).isEqualTo("keep me");

      assertThat(migrations.downgrade("1").orElseThrow()).containsExactly("2");
      // The undo recreated the exact original table: the rank column (NOT NULL, now 0) and its index.
      assertThat(app.table(Note.class).find(1L).orElseThrow()).isEqualTo(new Note(1L, "keep me", 0));
      assertThat(app.schema().table("notes").orElseThrow().indexes())
          .anySatisfy(index -> assertThat(index.name()).isEqualTo("ix_notes_rank"));
    }
  }

  @Test
  void baseline_existingHistory_alreadyMigrated() {
    try (Databases databases = open(true, Note.class)) {
      Migrations migrations = migrations(databases);
      migrations.baseline(null).orElseThrow();

      assertThat(migrations.status().orElseThrow().current()).isEqualTo("1");
      assertThat(failure(migrations.baseline("2")).code()).isEqualTo("ALREADY_MIGRATED");
    }
  }

  @Test
  void validate_appliedScriptEdited_validationFailed() throws Exception {
    try (Databases databases = open(false, Note.class)) {
      Migrations migrations = migrations(databases);
      GeneratedMigration generated = migrations.generate("create notes", false).orElseThrow();
      migrations.run(null).orElseThrow();
      assertThat(migrations.validate()).isEqualTo(Result.ok(null));

      Files.writeString(generated.script(), Files.readString(generated.script()) + "-- edited after it ran\n"
          + "select 1;\n");

      Result.Failure<Void> failure = failure(migrations.validate());
      assertThat(failure.code()).isEqualTo("VALIDATION_FAILED");
      assertThat(failure.message()).contains("1");
    }
  }

  @Test
  void downgrade_badTarget_invalidTarget() {
    try (Databases databases = open(false, Note.class)) {
      assertThat(failure(migrations(databases).downgrade("latest")).code()).isEqualTo("INVALID_TARGET");
    }
  }

  @Test
  void downgrade_failingUndo_undoFailedAndVersionStaysApplied() throws Exception {
    try (Databases databases = open(false, Note.class)) {
      Migrations migrations = migrations(databases);
      GeneratedMigration generated = migrations.generate("create notes", false).orElseThrow();
      migrations.run(null).orElseThrow();
      Files.writeString(generated.undoScript(), "drop table \"notes\";\ndrop table \"no_such_table\";\n");

      Result.Failure<List<String>> failure = failure(migrations.downgrade("0"));

      assertThat(failure.code()).isEqualTo("UNDO_FAILED");
      assertThat(failure.message()).contains("no_such_table");
      // One transaction per version: the first drop was rolled back with the failing one.
      assertThat(databases.get("app").orElseThrow().schema().tables().orElseThrow()).contains("notes");
      assertThat(migrations.status().orElseThrow().current()).isEqualTo("1");
    }
  }
}
