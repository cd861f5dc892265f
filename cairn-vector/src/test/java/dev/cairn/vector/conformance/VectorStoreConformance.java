package dev.cairn.vector.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Match;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import dev.cairn.vector.VectorStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every vector backend must have. A binding class opens stores on its backend; the suite builds
 * the large data sets (20,000 vectors of dimension 128 around 50 centres, one collection per metric) once per
 * class, and every other test uses small collections of its own, so tests are independent of each other's data.
 * The tests are in {@link RecallConformance}, {@link WriteConformance}, {@link FilterConformance} and
 * {@link InvalidInputConformance}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VectorStoreConformance
    implements RecallConformance, WriteConformance, FilterConformance, InvalidInputConformance {
  static final int COUNT = 20_000;
  static final int DIMENSION = 128;
  static final int CLUSTERS = 50;
  static final ClusteredVectors DATA = new ClusteredVectors(COUNT, DIMENSION, CLUSTERS, 20261201L);

  private VectorStore store;
  private final Map<Metric, VectorCollection> large = new EnumMap<>(Metric.class);
  private int names;

  /**
   * A store on this backend at {@code place}. Two calls with the same place reach the same data on a
   * persistent backend (after the first is closed); different places never share collections on file backends.
   */
  protected abstract VectorStore open(String place);

  /** Whether a store keeps its collections across close and reopen. */
  protected abstract boolean persistent();

  @BeforeAll
  void openStoreAndBuildLargeCollections() {
    store = open("main");
    for (Metric metric : Metric.values()) {
      VectorCollection collection = ok(store.create(CollectionSpec.of("large_" + metric.wireName(), DIMENSION, metric)
          .withIndex(16, 64)));
      for (int from = 0; from < COUNT; from += 5_000) {
        ok(collection.upsertAll(DATA.items().subList(from, from + 5_000)));
      }
      large.put(metric, collection);
    }
  }

  @AfterAll
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  public VectorStore store() {
    return store;
  }

  @Override
  public VectorCollection large(Metric metric) {
    return large.get(metric);
  }

  @Override
  public VectorStore reopen(String place) {
    return open(place);
  }

  @Override
  public boolean keepsData() {
    return persistent();
  }

  /** A new, empty collection with a name no other test uses. */
  @Override
  public synchronized VectorCollection fresh(int dimension, Metric metric) {
    return ok(store.create(CollectionSpec.of("t" + (++names) + "_" + metric.wireName(), dimension, metric)));
  }

  static <T> T ok(Result<T> result) {
    assertThat(result).as("result").isInstanceOf(Result.Ok.class);
    return result.orElseThrow();
  }

  static void failed(Result<?> result, Status status, String code) {
    assertThat(result).isInstanceOf(Result.Failure.class);
    Result.Failure<?> failure = (Result.Failure<?>) result;
    assertThat(failure.status()).as(failure.toString()).isEqualTo(status);
    assertThat(failure.code()).as(failure.toString()).isEqualTo(code);
  }

  static Set<String> ids(List<Match> matches) {
    return matches.stream().map(Match::id).collect(Collectors.toCollection(HashSet::new));
  }

  static float[] vector(float... components) {
    return components;
  }

  /** Fraction of the exact top-k ids the approximate search found, averaged over the queries. */
  static double recall(VectorCollection collection, List<float[]> queries, int k, Filter filter, int efSearch) {
    int found = 0;
    int wanted = 0;
    for (float[] query : queries) {
      Set<String> exact = ids(ok(collection.search(Search.of(query, k).filter(filter).bruteForce())));
      List<Match> approximate = ok(collection.search(Search.of(query, k).filter(filter).efSearch(efSearch)));
      assertThat(approximate).hasSize(exact.size());
      found += (int) approximate.stream().filter(match -> exact.contains(match.id())).count();
      wanted += exact.size();
    }
    return (double) found / wanted;
  }

  static List<VectorItem> items(int count, int dimension, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    List<VectorItem> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] v = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        v[d] = (float) (random.nextDouble() * 2 - 1);
      }
      items.add(new VectorItem("i" + i, v, Map.of("n", (long) i, "even", i % 2 == 0, "name", "item-" + i)));
    }
    return items;
  }
}
