package dev.cairn.sql.migrate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Schema.TableInfo;
import dev.cairn.sql.migrate.GeneratedMigration;
import dev.cairn.sql.migrate.MigrationStatus;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.migrate.conformance.MigrationModels.ItemV1;
import dev.cairn.sql.migrate.conformance.MigrationModels.ItemV2;
import dev.cairn.sql.migrate.conformance.MigrationModels.Tag;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration round trip every dialect must pass: generate -> run -> change the model -> generate -> run ->
 * downgrade -> run, with the rows surviving every step that does not drop their column, plus the refusals
 * (destructive change, nothing to generate). Subclasses say where the server is and remove what the registry
 * created on it.
 */
public abstract class MigrationConformance {
  private static final String APP = "app";

  @TempDir
  protected Path workDir;
  protected String prefix;

  /** The server URL, or a {@code sqlite:} URL (the databases then go under the temporary directory). */
  protected abstract String databaseUrl();

  /** Removes the schemas / databases named {@code prefix + name} that the registry created. */
  protected abstract void dropDatabases(List<String> physicalNames);

  /** Short name for the summary line. */
  protected abstract String dialectName();

  @BeforeEach
  void pickPrefix() {
    prefix = "mig" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
  }

  @AfterEach
  void dropCreated() {
    dropDatabases(List.of(prefix + APP, prefix + Databases.FRAMEWORK));
  }

  private Databases open(List<Class<? extends Record>> models) {
    return Databases.open(DatabasesConfig.of(databaseUrl()).withDataDir(workDir.resolve("data")).withPrefix(prefix)
        .withTables(Map.of(APP, models)).withCreateTables(false).withMigrationsDir(workDir.resolve("migrations")));
  }

  @Test
  void roundTrip_modelChange_rowsSurviveEveryStepThatKeepsTheirColumns() throws Exception {
    GeneratedMigration first;
    try (Databases databases = open(List.of(ItemV1.class))) {
      Migrations migrations = databases.migrations(APP).orElseThrow();
      first = migrations.generate("create items", false).orElseThrow();
      assertThat(first.written()).isTrue();
      assertThat(first.version()).isEqualTo("1");
      assertThat(migrations.run(null).orElseThrow()).containsExactly("1");
      Database app = databases.get(APP).orElseThrow();
      app.table(ItemV1.class).insertAll(List.of(new ItemV1(null, "a", "n1", "old1", "c1", 1),
          new ItemV1(null, "b", null, "old2", "c2", 2), new ItemV1(null, "c", "n3", null, "c3", 3))).orElseThrow();

      GeneratedMigration again = migrations.generate("nothing new", false).orElseThrow();
      assertThat(again.written()).isFalse();
      assertThat(again.message()).contains("nothing written");
      assertThat(Files.list(workDir.resolve("migrations").resolve(APP)).count()).isEqualTo(2);
    }

    try (Databases databases = open(List.of(ItemV2.class, Tag.class))) {
      Migrations migrations = databases.migrations(APP).orElseThrow();
      Database app = databases.get(APP).orElseThrow();
      Result<GeneratedMigration> refused = migrations.generate("release two", false);
      assertThat(refused).isInstanceOfSatisfying(Result.Failure.class,
          f -> assertThat(f.code()).isEqualTo("DESTRUCTIVE_CHANGE_REFUSED"));
      assertThat(Files.list(workDir.resolve("migrations").resolve(APP)).count()).isEqualTo(2);

      GeneratedMigration second = migrations.generate("release two", true).orElseThrow();
      assertThat(second.version()).isEqualTo("2");
      assertThat(Files.readString(second.script())).contains("DESTRUCTIVE");
      assertThat(migrations.run("latest").orElseThrow()).containsExactly("2");
      TableInfo items = app.schema().table("items").orElseThrow();
      assertThat(columnNames(items)).contains("priority", "owner").doesNotContain("legacy");
      assertThat(column(items, "note").nullable()).isFalse();
      assertThat(column(items, "qty").defaultValue()).contains("1");
      assertThat(indexedColumns(items)).contains("code", "qty").doesNotContain("legacy", "name", "note");
      assertThat(app.table(ItemV2.class).find(2L).orElseThrow()).isEqualTo(new ItemV2(2L, "b", "", "c2", 2, 0, "n/a"));
      assertThat(app.table(ItemV2.class).count(Filter.all()).orElseThrow()).isEqualTo(3);
      assertThat(migrations.generate("after release two", true).orElseThrow().written()).isFalse();
      app.table(Tag.class).insert(new Tag(null, "red")).orElseThrow();
      app.table(ItemV2.class).update(1L, Map.of("owner", "ada", "priority", 5)).orElseThrow();

      assertThat(migrations.downgrade("1").orElseThrow()).containsExactly("2");
      items = app.schema().table("items").orElseThrow();
      assertThat(columnNames(items)).contains("legacy").doesNotContain("priority", "owner");
      assertThat(column(items, "note").nullable()).isTrue();
      assertThat(column(items, "qty").defaultValue()).isIn(null, "NULL");
      assertThat(app.schema().tables().orElseThrow()).doesNotContain("tags");
      assertThat(indexedColumns(items)).contains("name", "note", "legacy").doesNotContain("code", "qty");
      assertThat(app.table(ItemV1.class).find(1L).orElseThrow()).isEqualTo(new ItemV1(1L, "a", "n1", null, "c1", 1));
      MigrationStatus status = migrations.status().orElseThrow();
      assertThat(status.current()).isEqualTo("1");
      assertThat(status.pending()).isEqualTo(1);

      assertThat(migrations.run(null).orElseThrow()).containsExactly("2");
      assertThat(migrations.validate()).isEqualTo(Result.ok(null));
      assertThat(app.table(ItemV2.class).find(3L).orElseThrow())
          .isEqualTo(new ItemV2(3L, "c", "n3", "c3", 3, 0, "n/a"));
      long kept = app.table(ItemV2.class).count(Filter.all()).orElseThrow();
      assertThat(kept).isEqualTo(3);
      MigrationStatus after = migrations.status().orElseThrow();
      assertThat(after.current()).isEqualTo("2");
      assertThat(after.failed()).isZero();
      System.out.println("migrate.roundtrip dialect=" + dialectName() + " steps=generate,run,change,generate,run,"
          + "downgrade,run v1_changes=" + first.changes().size() + " v2_changes=" + second.changes().size()
          + " rows_kept=" + kept + "/3 applied=" + after.applied() + " pending=" + after.pending()
          + " checksums=" + after.migrations().stream().map(m -> m.version() + ":" + m.checksum()).toList());
    }
  }

  @Test
  void downgrade_undoScriptMissing_nothingUndone() throws Exception {
    try (Databases databases = open(List.of(ItemV1.class))) {
      Migrations migrations = databases.migrations(APP).orElseThrow();
      GeneratedMigration first = migrations.generate("create items", false).orElseThrow();
      migrations.run(null).orElseThrow();
      Files.delete(first.undoScript());
      Result<List<String>> result = migrations.downgrade("0");
      assertThat(result).isInstanceOfSatisfying(Result.Failure.class,
          f -> assertThat(f.code()).isEqualTo("UNDO_SCRIPT_MISSING"));
      assertThat(databases.get(APP).orElseThrow().schema().tables().orElseThrow()).contains("items");
      assertThat(migrations.status().orElseThrow().current()).isEqualTo("1");
    }
  }

  private static List<String> columnNames(TableInfo table) {
    return table.columns().stream().map(ColumnInfo::name).toList();
  }

  /** The columns that have a single-column index (unique or not) of their own. */
  private static List<String> indexedColumns(TableInfo table) {
    return table.indexes().stream().filter(i -> i.columns().size() == 1).map(i -> i.columns().getFirst()).toList();
  }

  private static ColumnInfo column(TableInfo table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
