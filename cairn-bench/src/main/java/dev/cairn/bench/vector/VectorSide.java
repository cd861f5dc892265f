package dev.cairn.bench.vector;

import java.util.List;

/** One contender of the vector benchmark: builds the index, answers top-k queries by vector index. */
interface VectorSide extends AutoCloseable {
  String name();

  /**
   * Loads every vector of {@code data} (with its cluster as metadata) into the HNSW index, telling
   * {@code progress} how many are loaded as it goes.
   */
  void build(BenchData data, BuildProgress progress) throws Exception;

  /** The indexes of the k nearest vectors, best first; {@code filtered} restricts to the filter's clusters. */
  List<Integer> search(float[] query, int k, int efSearch, boolean filtered) throws Exception;

  /** Bytes on disk per stored vector (index, vectors and metadata). */
  double bytesPerVector(int count) throws Exception;

  @Override
  void close() throws java.io.IOException, java.sql.SQLException;
}
