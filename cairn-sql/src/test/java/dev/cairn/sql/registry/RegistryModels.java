package dev.cairn.sql.registry;

import dev.cairn.sql.Column;
import dev.cairn.sql.TableName;

/** Records indexed by the table-index processor when this module's tests compile. */
final class RegistryModels {
  private RegistryModels() {}

  @DatabaseName("billing")
  record Invoice(Long id, @Column(nullable = false) String customer, long cents) {}

  @DatabaseName("billing")
  @TableName("payments")
  record Payment(Long id, long invoiceId) {}

  @TableName("feature_flags")
  record FeatureFlag(Long id, @Column(unique = true, length = 100) String name, boolean enabled) {}

  @DatabaseName
  record AuditEntry(Long id, String action) {}
}
