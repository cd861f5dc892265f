package dev.cairn.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.testkit.PostgresService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which URLs and databases open a vector store, and the clear refusals of those that cannot. */
class StoreOpeningTest {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Test
  void on_postgresDatabase_pgvectorStoreInTheSameDatabase() {
    try (Database database = Database.open(POSTGRES.url()); VectorStore store = VectorStore.on(database)) {
      VectorCollection collection = store.create(CollectionSpec.of("beside_tables", 2, Metric.L2)).orElseThrow();
      collection.upsert("a", new float[] {1, 2}, Map.of()).orElseThrow();

      assertThat(store.backend()).isEqualTo("pgvector");
      assertThat(database.rows("cairn_vec_beside_tables").count(dev.cairn.sql.Filter.all()).orElseThrow())
          .isEqualTo(1);
    }
  }

  @Test
  void open_serversWithoutVectors_vectorUnsupportedNamingWhatServes() {
    for (String url : new String[] {"mariadb://root@127.0.0.1:3306/test", "mysql://root@127.0.0.1:3306/test",
        "redis://127.0.0.1:6379", "memory:", "sqlite:data/x.db"}) {
      assertThatThrownBy(() -> VectorStore.open(url)).isInstanceOfSatisfying(CairnException.class, e -> {
        assertThat(e.status()).isEqualTo(Status.INVALID);
        assertThat(e.code()).isEqualTo("VECTOR_UNSUPPORTED");
        assertThat(e.getMessage()).contains("vector:data/vectors", "pgvector");
      });
    }
    try (Database sqlite = Database.open("sqlite::memory:")) {
      assertThatThrownBy(() -> VectorStore.on(sqlite)).isInstanceOfSatisfying(CairnException.class,
          e -> assertThat(e.code()).isEqualTo("VECTOR_UNSUPPORTED"));
    }
  }

  @Test
  void open_blankOrEmptyDirectory_invalidUrl() {
    assertThatThrownBy(() -> VectorStore.open("vector:")).isInstanceOfSatisfying(CairnException.class,
        e -> assertThat(e.code()).isEqualTo("INVALID_URL"));
    assertThatThrownBy(() -> VectorStore.open(" ")).isInstanceOfSatisfying(CairnException.class,
        e -> assertThat(e.code()).isEqualTo("INVALID_URL"));
  }

  @Test
  void closedStore_unavailable() {
    VectorStore store = VectorStore.open("vector::memory:");
    VectorCollection collection = store.create(CollectionSpec.of("c", 2, Metric.L2)).orElseThrow();
    store.close();

    assertThat(collection.count().status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(store.collections().status()).isEqualTo(Status.UNAVAILABLE);
  }

  @Test
  void upsert_nullVector_wrongDimension() {
    try (VectorStore store = VectorStore.open("vector::memory:")) {
      VectorCollection collection = store.create(CollectionSpec.of("c", 2, Metric.L2)).orElseThrow();
      assertThat(((dev.cairn.core.Result.Failure<?>) collection.upsert("a", null, Map.of())).code())
          .isEqualTo("WRONG_DIMENSION");
    }
  }
}
