package dev.cairn.sql.migrate.conformance;

import dev.cairn.sql.Column;
import dev.cairn.sql.TableName;

/** Two versions of one model, as a developer would edit it between two releases, plus a table added in the second. */
public final class MigrationModels {
  private MigrationModels() {}

  /**
   * Release 1: {@code name} unique, {@code note} indexed and nullable, {@code legacy} indexed, {@code code} without
   * a constraint, {@code qty} without a default.
   */
  @TableName("items")
  public record ItemV1(Long id, @Column(nullable = false, unique = true) String name,
      @Column(index = true) String note, @Column(index = true) String legacy, String code, int qty) {}

  /**
   * Release 2: {@code name} no longer unique, {@code note} no longer indexed and NOT NULL, {@code legacy} dropped
   * (destructive), {@code code} unique, {@code qty}
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
