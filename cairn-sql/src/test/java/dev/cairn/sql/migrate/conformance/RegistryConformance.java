package dev.cairn.sql.migrate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Column;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.TableName;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Databases} registry on a server: each named database is its own schema (PostgreSQL) or database
 * (MariaDB), created on open with its tables, isolated from the others. Subclasses say where the server is and
 * remove what the registry created.
 */
public abstract class RegistryConformance {
  /** A table of the billing database. */
  @TableName("invoices")
  public record Invoice(Long id, @Column(nullable = false) String customer, long cents) {}

  /** A table of the framework database sharing its name with the billing one. */
  @TableName("invoices")
  public record FrameworkInvoice(Long id, String note) {}

  protected String prefix;

  protected abstract String databaseUrl();

  /** Removes the schemas / databases with these physical names. */
  protected abstract void dropDatabases(List<String> physicalNames);

  @BeforeEach
  void pickPrefix() {
    prefix = "reg" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
  }

  @AfterEach
  void dropCreated() {
    dropDatabases(List.of(prefix + "billing", prefix + Databases.FRAMEWORK));
  }

  private Databases open() {
    return Databases.open(DatabasesConfig.of(databaseUrl()).withPrefix(prefix)
        .withTables(Map.of("billing", List.of(Invoice.class), Databases.FRAMEWORK, List.of(FrameworkInvoice.class))));
  }

  @Test
  void open_namedDatabases_eachHoldsOnlyItsOwnTables() {
    try (Databases databases = open()) {
      assertThat(databases.list()).containsExactly("billing", "framework");
      Database billing = databases.get("billing").orElseThrow();
      Database framework = databases.get("framework").orElseThrow();
      billing.table(Invoice.class).insert(new Invoice(null, "acme", 100)).orElseThrow();
      framework.table(FrameworkInvoice.class).insert(new FrameworkInvoice(null, "other")).orElseThrow();

      // Same table name in two databases: two tables, each with its own row.
      assertThat(billing.table(Invoice.class).find(1L).orElseThrow().customer()).isEqualTo("acme");
      assertThat(framework.table(FrameworkInvoice.class).find(1L).orElseThrow().note()).isEqualTo("other");
      assertThat(billing.schema().table("invoices").orElseThrow().columns()).hasSize(3);
      assertThat(framework.schema().table("invoices").orElseThrow().columns()).hasSize(2);
    }
  }

  @Test
  void open_again_existingDatabasesAndRowsKept() {
    try (Databases databases = open()) {
      databases.get("billing").orElseThrow().table(Invoice.class).insert(new Invoice(null, "acme", 7)).orElseThrow();
    }
    try (Databases databases = open()) {
      assertThat(databases.get("billing").orElseThrow().table(Invoice.class).find(1L).orElseThrow().cents())
          .isEqualTo(7);
    }
  }

  @Test
  void health_everyDatabaseUpAtItsOwnPlace() {
    try (Databases databases = open()) {
      Map<String, Health> health = databases.health();

      assertThat(health).containsOnlyKeys("billing", "framework");
      health.forEach((name, h) -> {
        assertThat(h.up()).isTrue();
        assertThat(h.url()).contains(prefix + name);
      });
    }
  }
}
