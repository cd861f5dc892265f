package dev.cairn.sql.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.registry.RegistryModels.FeatureFlag;
import dev.cairn.sql.registry.RegistryModels.Invoice;
import dev.cairn.sql.registry.RegistryModels.Payment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {
  @TempDir
  Path dataDir;

  private DatabasesConfig config() {
    return DatabasesConfig.of("sqlite:" + dataDir);
  }

  @Test
  void open_explicitTables_oneFilePerDatabaseWithItsTables() {
    try (Databases databases = Databases.open(config().withTables(Map.of("billing",
        List.of(Invoice.class, Payment.class), Databases.FRAMEWORK, List.of(FeatureFlag.class))))) {
      assertThat(databases.list()).containsExactly("billing", "framework");
      assertThat(dataDir.resolve("billing.db")).exists();
      assertThat(dataDir.resolve("framework.db")).exists();
      Database billing = databases.get("billing").orElseThrow();
      assertThat(billing.schema().tables().orElseThrow()).containsExactly("invoices", "payments");
      assertThat(databases.get("framework").orElseThrow().schema().tables().orElseThrow())
          .containsExactly("feature_flags");
      billing.table(Invoice.class).insert(new Invoice(null, "acme", 1250)).orElseThrow();
      assertThat(billing.table(Invoice.class).find(1L).orElseThrow().customer()).isEqualTo("acme");
    }
  }

  @Test
  void open_again_keepsRowsAndCreatesNothingTwice() {
    Map<String, List<Class<? extends Record>>> tables = Map.of("billing", List.of(Invoice.class));
    try (Databases databases = Databases.open(config().withTables(tables))) {
      databases.get("billing").orElseThrow().table(Invoice.class).insert(new Invoice(null, "acme", 5)).orElseThrow();
    }
    try (Databases databases = Databases.open(config().withTables(tables))) {
      assertThat(databases.get("billing").orElseThrow().table(Invoice.class).find(1L).orElseThrow().cents())
          .isEqualTo(5);
    }
  }

  @Test
  void open_fromCompileTimeIndex_createsAnnotatedTables() {
    try (Databases databases = Databases.open(config())) {
      assertThat(databases.list()).contains("billing", "framework");
      assertThat(databases.tables("billing")).contains(Invoice.class, Payment.class);
      assertThat(databases.get("billing").orElseThrow().schema().tables().orElseThrow())
          .contains("invoices", "payments");
      assertThat(databases.get("framework").orElseThrow().schema().tables().orElseThrow())
          .contains("feature_flags", "audit_entries");
    }
  }

  @Test
  void open_prefix_prefixesFileNames() {
    try (Databases databases = Databases.open(config().withPrefix("t1_").withTables(Map.of()))) {
      assertThat(databases.list()).containsExactly("framework");
      assertThat(dataDir.resolve("t1_framework.db")).exists();
    }
  }

  @Test
  void get_unknownName_databaseNotFoundNamingKnownOnes() {
    try (Databases databases = Databases.open(config().withTables(Map.of()))) {
      Result<Database> missing = databases.get("nope");

      assertThat(missing).isInstanceOfSatisfying(Result.Failure.class, f -> {
        assertThat(f.code()).isEqualTo("DATABASE_NOT_FOUND");
        assertThat(f.message()).contains("framework");
      });
      assertThat(databases.migrations("nope")).isInstanceOf(Result.Failure.class);
    }
  }

  @Test
  void health_everyDatabaseUp() {
    try (Databases databases = Databases.open(config().withTables(Map.of("billing", List.of(Invoice.class))))) {
      Map<String, Health> health = databases.health();

      assertThat(health).containsOnlyKeys("billing", "framework");
      assertThat(health.values()).allSatisfy(h -> assertThat(h.up()).isTrue());
    }
  }

  @Test
  void health_afterClose_reportsDown() {
    Databases databases = Databases.open(config().withTables(Map.of()));
    databases.close();

    assertThat(databases.health().get("framework").up()).isFalse();
  }

  @Test
  void config_badDatabaseName_invalidDatabaseNameAndNothingCreated() throws Exception {
    assertThatThrownBy(() -> config().withTables(Map.of("../etc", List.of())))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DATABASE_NAME"));
    assertThatThrownBy(() -> config().withPrefix("Bad-"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DATABASE_NAME"));
    try (var files = Files.list(dataDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void config_sqliteUrl_dataDirFromPath() {
    assertThat(DatabasesConfig.of("sqlite:" + dataDir).dataDir()).isEqualTo(dataDir);
    assertThat(DatabasesConfig.of("sqlite:" + dataDir.resolve("app.db")).dataDir()).isEqualTo(dataDir);
  }

  @Test
  void config_sqliteMemory_refused() {
    assertThatThrownBy(() -> DatabasesConfig.of("sqlite::memory:"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("SQLITE_MEMORY_UNSUPPORTED"));
  }

  @Test
  void config_keyValueUrl_notADatabaseUrl() {
    assertThatThrownBy(() -> DatabasesConfig.of("redis://localhost:6379"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("NOT_A_DATABASE_URL"));
  }
}
