package dev.cairn.sql.internal.migrate;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Schema.TableInfo;
import dev.cairn.sql.internal.ModelDdl;
import dev.cairn.sql.migrate.GeneratedMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code generate}: diffs every model of the database against the live schema ({@link TableDiff}) and writes the
 * next version's script and undo script. The next version is one above both the highest script in the directory
 * and the highest version in the history (baselines too), so a script never reuses a number Flyway has seen.
 */
final class Generator {
  private final MigrationTarget target;
  private final FlywayMigrations migrations;

  Generator(MigrationTarget target, FlywayMigrations migrations) {
    this.target = target;
    this.migrations = migrations;
  }

  Result<GeneratedMigration> generate(String message, boolean allowDestructive) {
    String slug = message == null ? "" : ScriptFiles.slug(message);
    if (slug.isEmpty()) {
      return Result.failure(Status.INVALID, "MESSAGE_REQUIRED",
          "a migration needs a message with letters or digits, e.g. \"add priority to items\"");
    }
    if (target.scriptDir() == null) {
      return Result.failure(Status.INVALID, "NO_MIGRATIONS_DIR", "database '" + target.name()
          + "' reads its migrations from the class path; configure a migrations directory to generate");
    }
    Result<List<TableInfo>> described = target.database().schema().describeAll();
    if (!(described instanceof Result.Ok<List<TableInfo>>(List<TableInfo> tables))) {
      return ((Result.Failure<List<TableInfo>>) described).cast();
    }
    Map<String, TableInfo> live = new HashMap<>();
    tables.forEach(table -> live.put(table.name(), table));
    List<Step> steps = new ArrayList<>();
    try (LiveDetails details = new LiveDetails(target)) {
      TableDiff diff = new TableDiff(migrations.dialect(), details);
      for (Class<? extends Record> type : target.tables()) {
        steps.addAll(diff.diff(type, live.get(ModelDdl.shape(type).name())));
      }
    } catch (SQLException e) {
      return Result.failure(Status.UNAVAILABLE, "DATABASE_UNAVAILABLE", "cannot read the schema of database '"
          + target.name() + "': " + FlywayMigrations.oneLine(e.getMessage()), Map.of("database", target.name()), e);
    }
    List<String> changes = steps.stream().map(Step::description).toList();
    if (steps.isEmpty()) {
      return Result.ok(new GeneratedMigration(false, null, null, null, changes,
          "no model changes in database '" + target.name() + "'; nothing written"));
    }
    List<String> destructive = steps.stream().filter(Step::destructive).map(Step::description).toList();
    if (!destructive.isEmpty() && !allowDestructive) {
      return Result.failure(Status.INVALID, "DESTRUCTIVE_CHANGE_REFUSED", "the migration would lose data ("
          + String.join("; ", destructive) + "); nothing written; generate again allowing destructive changes",
          Map.of("database", target.name(), "changes", destructive));
    }
    return Result.ok(write(slug, message, steps, changes));
  }

  private GeneratedMigration write(String slug, String message, List<Step> steps, List<String> changes) {
    try {
      Path dir = target.scriptDir();
      Files.createDirectories(dir);
      int version = Math.max(ScriptFiles.highestVersion(dir), migrations.highestRecorded()) + 1;
      String name = version + "__" + slug + ".sql";
      StringBuilder up = header("V" + version, message);
      for (Step step : steps) {
        up.append("-- ").append(step.description()).append('\n');
        step.forward().forEach(statement -> up.append(statement).append(";\n"));
      }
      StringBuilder undo = header("U" + version + " (undoes V" + version + ")", message);
      for (Step step : steps.reversed()) {
        undo.append("-- undo: ").append(step.description()).append('\n');
        step.undo().forEach(statement -> undo.append(statement).append(";\n"));
      }
      Path script = Files.writeString(dir.resolve("V" + name), up, StandardCharsets.UTF_8);
      Path undoScript = Files.writeString(dir.resolve("U" + name), undo, StandardCharsets.UTF_8);
      return new GeneratedMigration(true, String.valueOf(version), script, undoScript, changes,
          "wrote " + script.getFileName() + " and " + undoScript.getFileName() + " for database '" + target.name()
              + "' (" + changes.size() + " change" + (changes.size() == 1 ? "" : "s") + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write migration scripts for database '" + target.name() + "'", e);
    }
  }

  private StringBuilder header(String what, String message) {
    return new StringBuilder("-- Cairn migration ").append(what).append(" of database '").append(target.name())
        .append("' (").append(migrations.dialect().name().toLowerCase(java.util.Locale.ROOT)).append("): ")
        .append(message.replaceAll("\\s+", " ").strip()).append('\n')
        .append("-- Generated from the record models; lines marked DESTRUCTIVE lose data.\n");
  }
}
