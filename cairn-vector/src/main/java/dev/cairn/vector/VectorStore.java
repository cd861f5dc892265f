package dev.cairn.vector;

import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import java.util.List;

/**
 * Named collections of vectors with nearest-neighbour search. Thread-safe; open once per service, close on
 * shutdown.
 *
 * <pre>{@code
 * try (VectorStore store = VectorStore.open("vector:data/vectors")) {
 *   VectorCollection docs = store.create(CollectionSpec.of("docs", 384, Metric.COSINE)).orElseThrow();
 *   docs.upsert("a1", embedding, Map.of("lang", "en"));
 *   List<Match> hits = docs.search(query, 10, Filter.eq("lang", "en")).orElseThrow();
 * }
 * }</pre>
 *
 * <h2>Backends</h2>
 * <ul>
 *   <li>{@code vector:<directory>} (e.g. {@code vector:data/vectors}): embedded Apache Lucene HNSW indexes, one
 *       sub-directory per collection. <b>Commit policy:</b> every acknowledged write is committed (fsync) before
 *       it returns; concurrent writers share one commit (group commit), and {@code upsertAll} commits once per
 *       batch, so an acknowledged write survives {@code kill -9} and power loss.
 *   <li>{@code vector::memory:}: the same engine on heap; gone at {@link #close()}. For tests.
 *   <li>{@code postgresql://...}: PostgreSQL with the pgvector extension, a table per collection with an HNSW
 *       index ({@code CREATE EXTENSION IF NOT EXISTS vector} is run; where the extension is not installed,
 *       UNAVAILABLE {@code VECTOR_EXTENSION_MISSING}).
 *   <li>MariaDB, MySQL, SQLite and Redis have no vector type here: INVALID {@code VECTOR_UNSUPPORTED}.
 * </ul>
 */
public interface VectorStore extends AutoCloseable {

  /**
   * Opens the store at {@code url}; see the backends above.
   *
   * @throws dev.cairn.core.InvalidInputException INVALID_URL for a malformed URL, VECTOR_UNSUPPORTED for a store
   *     without vectors
   * @throws dev.cairn.core.UnavailableException when the directory cannot be opened or the server not reached
   *     (VECTOR_EXTENSION_MISSING when PostgreSQL lacks pgvector)
   */
  static VectorStore open(String url) {
    return dev.cairn.vector.internal.StoreOpener.open(url);
  }

  /**
   * The vector store in the same database as {@code database} (its own connections to the same server, closed
   * with this store). Failures as for {@link #open(String)}.
   */
  static VectorStore on(Database database) {
    return dev.cairn.vector.internal.StoreOpener.on(database);
  }

  /** Creates a collection; DUPLICATE {@code COLLECTION_EXISTS} if the name is taken, INVALID for a bad spec. */
  Result<VectorCollection> create(CollectionSpec spec);

  /** The collection named {@code name}, or NOT_FOUND {@code COLLECTION_NOT_FOUND}. */
  Result<VectorCollection> collection(String name);

  /** Every collection with its count, by name. */
  Result<List<CollectionInfo>> collections();

  /** Drops a collection and all its vectors; {@code false} if there was none. */
  Result<Boolean> drop(String name);

  /** Which engine serves this store: {@code lucene} or {@code pgvector}. */
  String backend();

  /** Closes indexes and connections; idempotent. Later calls fail with UNAVAILABLE {@code VECTOR_STORE_CLOSED}. */
  @Override
  void close();
}
