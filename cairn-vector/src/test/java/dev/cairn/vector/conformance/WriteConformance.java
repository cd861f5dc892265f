package dev.cairn.vector.conformance;

import static dev.cairn.vector.conformance.VectorStoreConformance.failed;
import static dev.cairn.vector.conformance.VectorStoreConformance.ids;
import static dev.cairn.vector.conformance.VectorStoreConformance.items;
import static dev.cairn.vector.conformance.VectorStoreConformance.ok;
import static dev.cairn.vector.conformance.VectorStoreConformance.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionInfo;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import dev.cairn.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Upserts, gets, deletes, counts, persistence and concurrent use. */
interface WriteConformance extends SuiteAccess {

  @Test
  default void upsert_thenGet_returnsVectorAndMetadata() {
    VectorCollection collection = fresh(3, Metric.L2);

    ok(collection.upsert("a", vector(1, 2.5f, -3), Map.of("lang", "en", "n", 7, "ok", true, "w", 0.25)));

    VectorItem item = ok(collection.get("a"));
    assertThat(item.vector()).containsExactly(1, 2.5f, -3);
    assertThat(item.metadata()).isEqualTo(Map.of("lang", "en", "n", 7L, "ok", true, "w", 0.25));
    assertThat(ok(collection.count())).isEqualTo(1);
  }

  @Test
  default void upsert_existingId_replacesVectorAndMetadata() {
    VectorCollection collection = fresh(3, Metric.COSINE);
    ok(collection.upsert("a", vector(1, 0, 0), Map.of("x", 1)));

    ok(collection.upsert("a", vector(0, 1, 0), Map.of("y", "b")));

    VectorItem item = ok(collection.get("a"));
    assertThat(item.vector()).containsExactly(0, 1, 0);
    assertThat(item.metadata()).isEqualTo(Map.of("y", "b"));
    assertThat(ok(collection.count())).isEqualTo(1);
    assertThat(ok(collection.search(vector(1, 0, 0), 5, Filter.eq("x", 1)))).isEmpty();
    assertThat(ok(collection.search(vector(1, 0, 0), 5, Filter.all()))).extracting("id").containsExactly("a");
  }

  @Test
  default void upsertAll_sameIdTwiceInBatch_lastWins() {
    VectorCollection collection = fresh(2, Metric.L2);

    ok(collection.upsertAll(List.of(new VectorItem("a", vector(1, 1), Map.of("v", 1)),
        new VectorItem("a", vector(2, 2), Map.of("v", 2)))));

    assertThat(ok(collection.get("a")).metadata()).isEqualTo(Map.of("v", 2L));
    assertThat(ok(collection.count())).isEqualTo(1);
  }

  @Test
  default void get_missingId_notFound() {
    failed(fresh(2, Metric.L2).get("nope"), Status.NOT_FOUND, "VECTOR_NOT_FOUND");
  }

  @Test
  default void delete_deletedIdsNeverReturned() {
    VectorCollection collection = fresh(8, Metric.L2);
    List<VectorItem> items = items(400, 8, 3);
    ok(collection.upsertAll(items));
    Set<String> deleted = new java.util.HashSet<>();
    for (int i = 0; i < 400; i += 4) {
      assertThat(ok(collection.delete("i" + i))).isTrue();
      deleted.add("i" + i);
    }

    assertThat(ok(collection.delete("i0"))).isFalse();
    assertThat(ok(collection.count())).isEqualTo(300);
    failed(collection.get("i0"), Status.NOT_FOUND, "VECTOR_NOT_FOUND");
    for (VectorItem probe : items.subList(0, 20)) {
      Set<String> approximate = ids(ok(collection.search(Search.of(probe.vector(), 50))));
      Set<String> exact = ids(ok(collection.search(Search.of(probe.vector(), 400).bruteForce())));
      assertThat(approximate).doesNotContainAnyElementsOf(deleted);
      assertThat(exact).hasSize(300).doesNotContainAnyElementsOf(deleted);
    }
  }

  @Test
  default void deleteWhere_deletesMatchingOnly() {
    VectorCollection collection = fresh(4, Metric.L2);
    ok(collection.upsertAll(items(100, 4, 4)));

    assertThat(ok(collection.deleteWhere(Filter.eq("even", true)))).isEqualTo(50);
    assertThat(ok(collection.deleteWhere(Filter.lt("n", 11)))).isEqualTo(5);

    assertThat(ok(collection.count())).isEqualTo(45);
    assertThat(ok(collection.search(Search.of(vector(0, 0, 0, 0), 100).bruteForce())))
        .allSatisfy(match -> assertThat((Long) match.metadata().get("n")).isOdd().isGreaterThanOrEqualTo(11));
    assertThat(ok(collection.deleteWhere(Filter.all()))).isEqualTo(45);
    assertThat(ok(collection.count())).isZero();
  }

  @Test
  default void closeAndReopen_keepsCollectionsWhenPersistent() {
    float[] v = vector(0.5f, -1, 2);
    try (VectorStore first = reopen("persist")) {
      first.drop("kept");
      VectorCollection collection = ok(first.create(CollectionSpec.of("kept", 3, Metric.INNER_PRODUCT)));
      ok(collection.upsert("a", v, Map.of("k", "v")));
      ok(collection.upsert("b", vector(1, 1, 1), Map.of()));
      ok(collection.delete("b"));
    }

    try (VectorStore second = reopen("persist")) {
      Result<VectorCollection> found = second.collection("kept");
      if (!keepsData()) {
        failed(found, Status.NOT_FOUND, "COLLECTION_NOT_FOUND");
        return;
      }
      VectorCollection collection = ok(found);
      assertThat(collection.spec()).isEqualTo(CollectionSpec.of("kept", 3, Metric.INNER_PRODUCT));
      assertThat(ok(collection.get("a"))).isEqualTo(new VectorItem("a", v, Map.of("k", "v")));
      assertThat(ok(collection.count())).isEqualTo(1);
      assertThat(ok(collection.search(v, 1, Filter.all()))).extracting("id").containsExactly("a");
      assertThat(ok(second.drop("kept"))).isTrue();
    }
  }

  @Test
  default void collections_listsSpecsAndCounts_dropRemoves() {
    VectorCollection collection = fresh(5, Metric.COSINE);
    ok(collection.upsertAll(items(7, 5, 5)));

    List<CollectionInfo> listed = ok(store().collections());

    assertThat(listed).contains(new CollectionInfo(collection.spec(), 7));
    assertThat(ok(store().drop(collection.name()))).isTrue();
    assertThat(ok(store().drop(collection.name()))).isFalse();
    failed(store().collection(collection.name()), Status.NOT_FOUND, "COLLECTION_NOT_FOUND");
    failed(collection.count(), Status.NOT_FOUND, "COLLECTION_NOT_FOUND");
  }

  @Test
  default void concurrentUpsertsAndSearches_noErrors_finalCountExact() throws Exception {
    VectorCollection collection = fresh(16, Metric.COSINE);
    ok(collection.upsertAll(items(200, 16, 6)));
    int writers = 16;
    int perWriter = 40;
    List<VectorItem> extra = items(writers * perWriter, 16, 12);
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch writersDone = new CountDownLatch(writers);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < writers; w++) {
        int first = w * perWriter;
        threads.submit(() -> {
          try {
            for (int i = first; i < first + perWriter; i++) {
              VectorItem item = extra.get(i);
              Result<Void> result = collection.upsert("w" + i, item.vector(), item.metadata());
              if (!result.isOk()) {
                errors.add(result.toString());
              }
            }
          } finally {
            writersDone.countDown();
          }
        });
      }
      for (int r = 0; r < 16; r++) {
        float[] query = extra.get(r).vector();
        threads.submit(() -> {
          // A fixed number of searches each, not a busy loop: on two cores, searchers spinning until the writers
          // finish would starve them.
          for (int searches = 0; searches < 40; searches++) {
            var result = collection.search(Search.of(query, 10).filter(Filter.eq("even", true)));
            if (result instanceof Result.Ok<?> okResult) {
              if (((List<?>) okResult.value()).size() != 10) {
                errors.add("a search returned " + ((List<?>) okResult.value()).size() + " hits, not 10");
              }
            } else {
              errors.add(result.toString());
            }
          }
        });
      }
      assertThat(writersDone.await(5, TimeUnit.MINUTES)).isTrue();
    }

    assertThat(errors).isEmpty();
    assertThat(ok(collection.count())).isEqualTo(200 + writers * perWriter);
    List<VectorItem> sample = new ArrayList<>();
    IntStream.range(0, 5).forEach(i -> sample.add(ok(collection.get("w" + (i * 97)))));
    assertThat(sample).extracting(VectorItem::id).containsExactly("w0", "w97", "w194", "w291", "w388");
  }
}
