package dev.cairn.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.testkit.PostgresWithoutExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL on which pgvector cannot be installed (a private server whose installation lacks the extension's
 * files, see {@link PostgresWithoutExtension}) is refused with VECTOR_EXTENSION_MISSING, one line naming what to
 * install.
 */
class ExtensionMissingTest {
  private static PostgresWithoutExtension postgres;

  @BeforeAll
  static void startServerWithoutPgvector() throws Exception {
    postgres = PostgresWithoutExtension.start("vector", Path.of("target", "cairn-services", "postgres-no-vector"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void open_serverWithoutPgvector_extensionMissingNamingWhatToInstall() {
    assertThatThrownBy(() -> VectorStore.open(postgres.url())).isInstanceOfSatisfying(CairnException.class, e -> {
      assertThat(e.status()).isEqualTo(Status.UNAVAILABLE);
      assertThat(e.code()).isEqualTo("VECTOR_EXTENSION_MISSING");
      assertThat(e.getMessage()).doesNotContain("\n").contains("install pgvector", "PostgreSQL 15",
          "vector:data/vectors");
    });
  }

  @Test
  void on_databaseWithoutPgvector_extensionMissing() {
    try (Database database = Database.open(postgres.url())) {
      assertThatThrownBy(() -> VectorStore.on(database)).isInstanceOfSatisfying(CairnException.class, e -> {
        assertThat(e.code()).isEqualTo("VECTOR_EXTENSION_MISSING");
        assertThat(e.getMessage()).doesNotContain("\n").contains("install pgvector");
      });
    }
  }
}
