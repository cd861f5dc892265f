package dev.cairn.vector.conformance;

import dev.cairn.testkit.PostgresService;
import dev.cairn.vector.VectorStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The suite on PostgreSQL with pgvector, in a database of this class's own (created and dropped). */
class PostgresConformanceTest extends VectorStoreConformance {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Override
  protected VectorStore open(String place) {
    return VectorStore.open(POSTGRES.url());
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
