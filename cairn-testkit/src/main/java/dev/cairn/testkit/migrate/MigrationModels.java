package dev.cairn.testkit.migrate;

import dev.cairn.sql.Column;
import dev.cairn.sql.TableName;

/** Two versions of one model, as a developer would edit it between two releases, plus a table added in the second. */
public final class MigrationModels {
  private MigrationModels() {}

  /** Release 1: {@code legacy} is indexed, {@code note} may be NULL, {@code code} has no constraint. */
  @TableName("items")
  public record ItemV1(Long id, @Column(nullable = false) String name, String note,
      @Column(index = true) String legacy, String code, int qty) {}

  /**
   * Release 2: {@code legacy} dropped (destructive), {@code note} NOT NULL, {@code code} unique, {@code qty}
   * indexed with a default, {@code priority} (NOT NULL, so existing rows take 0) and {@code owner} (with a default
   * that existing rows take) added.
   */
  @TableName("items")
  public record ItemV2(Long id, @Column(nullable = false) String name, @Column(nullable = false) String note,
      @Column(unique = true, length = 64) String code, @Column(index = true, defaultValue = "1") int qty,
      int priority, @Column(defaultValue = "'n/a'") String owner) {}

  /** New in release 2. */
  @TableName("tags")
  public record Tag(Long id, @Column(unique = true, length = 64) String label) {}
}
