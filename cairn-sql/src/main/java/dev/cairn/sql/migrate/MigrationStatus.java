package dev.cairn.sql.migrate;

import java.time.Instant;
import java.util.List;

/**
 * Where one database stands.
 *
 * @param database the logical database name
 * @param current the newest applied version, or {@code null} when none is applied
 * @param migrations every migration Flyway knows, in version order
 */
public record MigrationStatus(String database, String current, List<Migration> migrations) {
  public MigrationStatus {
    migrations = List.copyOf(migrations);
  }

  public long applied() {
    return migrations.stream().filter(m -> m.state().equals("SUCCESS") || m.state().equals("BASELINE")).count();
  }

  public long pending() {
    return migrations.stream().filter(m -> m.state().equals("PENDING")).count();
  }

  public long failed() {
    return migrations.stream().filter(m -> m.state().equals("FAILED")).count();
  }

  /**
   * One migration.
   *
   * @param version its version ({@code "2"})
   * @param description the slug with spaces
   * @param script the file name
   * @param state Flyway's state: {@code SUCCESS}, {@code PENDING}, {@code FAILED}, {@code BASELINE}, ...
   * @param checksum the CRC32 Flyway computed, or {@code null}
   * @param installedOn when it was applied, or {@code null}
   */
  public record Migration(String version, String description, String script, String state, Integer checksum,
      Instant installedOn) {}
}
