package dev.cairn.bench.vector;

import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Match;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import dev.cairn.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cairn's vector store (embedded or on pgvector): {@code upsertAll} in batches, {@code search}. */
final class CairnSide implements VectorSide {
  static final String COLLECTION = "bench_vector";
  static final int BATCH = 10_000;

  /** Measures the bytes a side's data takes. */
  @FunctionalInterface
  interface Size {
    long bytes() throws Exception;
  }

  private final String name;
  private final VectorStore store;
  private final VectorBenchOptions options;
  private final Size size;
  private VectorCollection collection;

  CairnSide(String name, VectorStore store, VectorBenchOptions options, Size size) {
    this.name = name;
    this.store = store;
    this.options = options;
    this.size = size;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void build(BenchData data, BuildProgress progress) {
    store.drop(COLLECTION).orElseThrow();
    collection = store.create(CollectionSpec.of(COLLECTION, options.dimension(), Metric.COSINE)
        .withIndex(options.m(), options.efConstruction())).orElseThrow();
    for (int from = 0; from < data.vectors.length; from += BATCH) {
      List<VectorItem> batch = new ArrayList<>(BATCH);
      for (int i = from; i < Math.min(from + BATCH, data.vectors.length); i++) {
        batch.add(new VectorItem("v" + i, data.vectors[i], Map.of("cluster", (long) data.clusters[i])));
      }
      collection.upsertAll(batch).orElseThrow();
      progress.loaded(from + batch.size());
    }
  }

  /** Replaces vector {@code index} with one acknowledged {@code upsert} (durable before it returns). */
  void upsertOne(BenchData data, int index) {
    collection.upsert("v" + index, data.vectors[index], Map.of("cluster", (long) data.clusters[index])).orElseThrow();
  }

  @Override
  public List<Integer> search(float[] query, int k, int efSearch, boolean filtered) {
    Search search = Search.of(query, k).efSearch(efSearch)
        .filter(filtered ? Filter.in("cluster", BenchData.FILTER_CLUSTERS) : Filter.all());
    List<Integer> ids = new ArrayList<>(k);
    for (Match match : collection.search(search).orElseThrow()) {
      ids.add(Integer.parseInt(match.id().substring(1)));
    }
    return ids;
  }

  @Override
  public double bytesPerVector(int count) throws Exception {
    return (double) size.bytes() / count;
  }

  @Override
  public void close() {
    try {
      store.drop(COLLECTION);
    } finally {
      store.close();
    }
  }
}
