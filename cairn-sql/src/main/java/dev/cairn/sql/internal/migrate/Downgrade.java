package dev.cairn.sql.internal.migrate;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.cairn.sql.migrate.MigrationProgress;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code downgrade}: the undo scripts of the applied versions above the target, newest first. Each version's
 * statements and the deletion of its row from {@code flyway_schema_history} share one transaction on SQLite and
 * PostgreSQL, so a failed undo leaves that version applied and its schema untouched; MariaDB/MySQL commit every DDL
 * statement, so there a failed undo may leave the version half undone (the failure says which statement). With the
 * rows gone, Flyway sees the versions as pending again and a later {@code run} re-applies them.
 */
final class Downgrade {
  private static final String HISTORY = "flyway_schema_history";

  private final MigrationTarget target;
  private final FlywayMigrations migrations;
  private final MigrationProgress progress;

  Downgrade(MigrationTarget target, FlywayMigrations migrations, MigrationProgress progress) {
    this.target = target;
    this.migrations = migrations;
    this.progress = progress;
  }

  Result<List<String>> run(MigrationVersion to) {
    if (target.scriptDir() == null) {
      return Result.failure(Status.INVALID, "NO_MIGRATIONS_DIR", "database '" + target.name()
          + "' reads its migrations from the class path; configure a migrations directory to downgrade");
    }
    Map<String, Path> undoScripts = new LinkedHashMap<>();
    try {
      for (MigrationInfo migration : migrations.applied().reversed()) {
        if (migration.getVersion().isNewerThan(to.getVersion())) {
          String version = migration.getVersion().getVersion();
          Path undo = ScriptFiles.undoScript(target.scriptDir(), version).orElse(null);
          if (undo == null) {
            return Result.failure(Status.NOT_FOUND, "UNDO_SCRIPT_MISSING", "version " + version + " of database '"
                + target.name() + "' has no undo script U" + version + "__*.sql; nothing was undone",
                Map.of("database", target.name(), "version", version));
          }
          undoScripts.put(version, undo);
        }
      }
      List<String> undone = new ArrayList<>();
      for (var entry : undoScripts.entrySet()) {
        progress.starting(undone.size() + 1, undoScripts.size(), entry.getValue().getFileName().toString());
        Result<Void> result = undo(entry.getKey(), Files.readString(entry.getValue(), StandardCharsets.UTF_8),
            entry.getValue(), undone);
        if (result instanceof Result.Failure<Void> failure) {
          return failure.cast();
        }
        undone.add(entry.getKey());
      }
      return Result.ok(undone);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the undo scripts of database '" + target.name() + "'", e);
    }
  }

  private Result<Void> undo(String version, String script, Path file, List<String> undone) {
    boolean transactional = migrations.dialect() == Dialect.SQLITE || migrations.dialect() == Dialect.POSTGRESQL;
    String current = null;
    try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.url().user(),
        target.url().password())) {
      connection.setAutoCommit(!transactional);
      try (Statement statement = connection.createStatement()) {
        for (String sql : ScriptFiles.statements(script)) {
          current = sql;
          statement.execute(sql);
        }
      }
      current = "delete of version " + version + " from " + HISTORY;
      try (PreparedStatement delete = connection.prepareStatement(
          "delete from " + HISTORY + " where version = ?")) {
        delete.setString(1, version);
        delete.executeUpdate();
      }
      if (transactional) {
        connection.commit();
      }
      return Result.ok(null);
    } catch (SQLException e) {
      // Closing the connection without a commit rolls the transaction back.
      return Result.failure(Status.INVALID, "UNDO_FAILED", "undo of version " + version + " of database '"
          + target.name() + "' failed (" + file.getFileName() + ", at: " + FlywayMigrations.oneLine(current)
          + "): " + FlywayMigrations.oneLine(e.getMessage()) + (undone.isEmpty() ? ""
          : "; versions already undone: " + String.join(", ", undone)),
          Map.of("database", target.name(), "version", version), e);
    }
  }
}
