package dev.cairn.sql.migrate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Migrations#generate} did.
 *
 * @param written whether files were written ({@code false}: the models match the live schema)
 * @param version the new version, or {@code null} when nothing was written
 * @param script the {@code V} file, or {@code null}
 * @param undoScript the {@code U} file, or {@code null}
 * @param changes one line per change, e.g. {@code add column items.priority}; destructive ones start with
 *     {@code DESTRUCTIVE:}
 * @param message one line for a human ({@code "no model changes in database 'app'; nothing written"})
 */
public record GeneratedMigration(boolean written, String version, Path script, Path undoScript,
    List<String> changes, String message) {
  public GeneratedMigration {
    changes = List.copyOf(changes);
  }
}
