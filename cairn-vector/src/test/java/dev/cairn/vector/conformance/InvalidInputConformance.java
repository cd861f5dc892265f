package dev.cairn.vector.conformance;

import static dev.cairn.vector.conformance.VectorStoreConformance.failed;
import static dev.cairn.vector.conformance.VectorStoreConformance.ok;
import static dev.cairn.vector.conformance.VectorStoreConformance.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input fails with INVALID (or NOT_FOUND) and a code, and nothing is written. */
interface InvalidInputConformance extends SuiteAccess {

  @Test
  default void upsert_badVectors_invalidAndNothingWritten() {
    VectorCollection collection = fresh(3, Metric.COSINE);
    ok(collection.upsert("keep", vector(1, 2, 3), Map.of()));

    failed(collection.upsert("a", vector(1, 2), Map.of()), Status.INVALID, "WRONG_DIMENSION");
    failed(collection.upsert("a", vector(1, 2, 3, 4), Map.of()), Status.INVALID, "WRONG_DIMENSION");
    failed(collection.upsert("a", vector(1, Float.NaN, 3), Map.of()), Status.INVALID, "NON_FINITE_COMPONENT");
    failed(collection.upsert("a", vector(Float.POSITIVE_INFINITY, 0, 3), Map.of()), Status.INVALID,
        "NON_FINITE_COMPONENT");
    failed(collection.upsert("a", vector(0, 0, 0), Map.of()), Status.INVALID, "ZERO_VECTOR");
    failed(collection.upsert(" ", vector(1, 2, 3), Map.of()), Status.INVALID, "INVALID_ID");
    failed(collection.upsert("a\u0000b", vector(1, 2, 3), Map.of()), Status.INVALID, "INVALID_ID");
    failed(collection.upsert("a", vector(1, 2, 3), Map.of("k", List.of(1))), Status.INVALID, "INVALID_METADATA");
    failed(collection.upsert("a", vector(1, 2, 3), Map.of("", 1)), Status.INVALID, "INVALID_METADATA");
    failed(collection.upsert("a", vector(1, 2, 3), Map.of("k", Double.NaN)), Status.INVALID, "INVALID_METADATA");
    failed(collection.upsertAll(List.of(VectorItem.of("b", vector(1, 1, 1)), VectorItem.of("c", vector(1, 1)))),
        Status.INVALID, "WRONG_DIMENSION");

    assertThat(ok(collection.count())).isEqualTo(1);
    failed(collection.get("b"), Status.NOT_FOUND, "VECTOR_NOT_FOUND");
  }

  @Test
  default void search_badQueries_invalid() {
    VectorCollection collection = fresh(3, Metric.L2);
    ok(collection.upsert("a", vector(1, 2, 3), Map.of("n", 1)));

    failed(collection.search(vector(1, 2), 5, Filter.all()), Status.INVALID, "WRONG_DIMENSION");
    failed(collection.search(vector(1, Float.NEGATIVE_INFINITY, 2), 5, Filter.all()), Status.INVALID,
        "NON_FINITE_COMPONENT");
    failed(collection.search(vector(1, 2, 3), 0, Filter.all()), Status.INVALID, "INVALID_K");
    failed(collection.search(Search.of(vector(1, 2, 3), 5).efSearch(0)), Status.INVALID, "INVALID_EF_SEARCH");
    failed(collection.search(vector(1, 2, 3), 5, Filter.eq("n", List.of(1))), Status.INVALID, "INVALID_FILTER");
    failed(collection.search(vector(1, 2, 3), 5, Filter.gt("n", true)), Status.INVALID, "INVALID_FILTER");
    failed(collection.search(vector(1, 2, 3), 5, Filter.gt("n", null)), Status.INVALID, "INVALID_FILTER");
    failed(collection.deleteWhere(Filter.and()), Status.INVALID, "EMPTY_FILTER");

    assertThat(ok(collection.count())).isEqualTo(1);
  }

  @Test
  default void collections_badSpecsAndNames_refused() {
    failed(Metric.parse("hamming"), Status.INVALID, "UNKNOWN_METRIC");
    assertThat(ok(Metric.parse("Cosine"))).isEqualTo(Metric.COSINE);
    failed(store().collection("no_such_collection"), Status.NOT_FOUND, "COLLECTION_NOT_FOUND");
    failed(store().collection("Bad Name; --"), Status.NOT_FOUND, "COLLECTION_NOT_FOUND");
    failed(store().create(CollectionSpec.of("Bad-Name", 3, Metric.L2)), Status.INVALID, "INVALID_COLLECTION_NAME");
    failed(store().create(CollectionSpec.of("zero_dim", 0, Metric.L2)), Status.INVALID, "INVALID_DIMENSION");
    failed(store().create(CollectionSpec.of("huge_dim", 5000, Metric.L2)), Status.INVALID, "INVALID_DIMENSION");
    failed(store().create(CollectionSpec.of("bad_m", 3, Metric.L2).withIndex(1, 100)), Status.INVALID,
        "INVALID_INDEX_PARAMS");
    VectorCollection existing = fresh(3, Metric.L2);
    failed(store().create(CollectionSpec.of(existing.name(), 3, Metric.L2)), Status.DUPLICATE, "COLLECTION_EXISTS");
    assertThat(ok(store().collections())).extracting(info -> info.spec().name())
        .doesNotContain("zero_dim", "huge_dim", "bad_m");
  }
}
