package dev.cairn.bench.vector;

import dev.cairn.core.InvalidInputException;

/**
 * What {@code cairn bench vector} measures: {@code count} vectors of {@code dimension} around 50 centres, HNSW
 * {@code m}/{@code efConstruction}, {@code queries} queries searched by {@code threads} threads for
 * {@code seconds} per side, on the PostgreSQL at {@code postgresUrl} (pgvector) and in temporary directories.
 */
public record VectorBenchOptions(int count, int dimension, int m, int efConstruction, int queries, int threads,
    double seconds, String postgresUrl) {
  public VectorBenchOptions {
    if (count < 1_000 || dimension < 2 || dimension > 1024 || queries < 10 || threads < 1 || seconds <= 0) {
      throw new InvalidInputException("INVALID_BENCH_OPTIONS", "need count >= 1000, dimension 2..1024, queries >= 10,"
          + " threads >= 1 and seconds > 0");
    }
  }

  /** 100,000 vectors of dimension 128, m=16, ef_construction=100, 200 queries, 8 threads, 5 s per measurement. */
  public static VectorBenchOptions defaults(String postgresUrl) {
    return new VectorBenchOptions(100_000, 128, 16, 100, 200, 8, 5, postgresUrl);
  }

  public VectorBenchOptions withSize(int newCount, int newDimension) {
    return new VectorBenchOptions(newCount, newDimension, m, efConstruction, queries, threads, seconds, postgresUrl);
  }

  public VectorBenchOptions withSeconds(double newSeconds) {
    return new VectorBenchOptions(count, dimension, m, efConstruction, queries, threads, newSeconds, postgresUrl);
  }
}
