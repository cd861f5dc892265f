package dev.cairn.vector;

import java.util.Objects;

/**
 * What a collection is: its name, the dimension of every vector in it, the metric and the HNSW parameters.
 * Immutable; validated by {@link VectorStore#create} (which answers INVALID with a code for a bad one).
 *
 * @param name lower-case letters, digits and {@code _}, starting with a letter, at most 48 characters
 * @param dimension components per vector, 1..1024 embedded, 1..2000 on pgvector
 * @param metric how vectors compare
 * @param index HNSW parameters
 */
public record CollectionSpec(String name, int dimension, Metric metric, IndexParams index) {
  public CollectionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(index, "index");
  }

  /** A spec with the default index parameters. */
  public static CollectionSpec of(String name, int dimension, Metric metric) {
    return new CollectionSpec(name, dimension, metric, IndexParams.DEFAULT);
  }

  public CollectionSpec withIndex(int m, int efConstruction) {
    return new CollectionSpec(name, dimension, metric, new IndexParams(m, efConstruction));
  }
}
