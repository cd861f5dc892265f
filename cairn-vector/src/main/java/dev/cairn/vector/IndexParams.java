package dev.cairn.vector;

/**
 * HNSW build parameters of a collection, fixed when it is created.
 *
 * @param m links per node (Lucene's {@code maxConn}, pgvector's {@code m}); 2..100
 * @param efConstruction candidate list size while building (Lucene's {@code beamWidth}); 4..1000, at least 2*m
 *     on pgvector
 */
public record IndexParams(int m, int efConstruction) {
  /** m=16, ef_construction=100. */
  public static final IndexParams DEFAULT = new IndexParams(16, 100);

  /** The ef_search a query uses when it names none. */
  public static final int DEFAULT_EF_SEARCH = 100;
}
