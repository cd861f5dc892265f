package dev.cairn.vector.conformance;

import static dev.cairn.vector.conformance.VectorStoreConformance.ids;
import static dev.cairn.vector.conformance.VectorStoreConformance.items;
import static dev.cairn.vector.conformance.VectorStoreConformance.ok;
import static dev.cairn.vector.conformance.VectorStoreConformance.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Filter;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The table filter vocabulary over metadata, and hostile keys and values. */
interface FilterConformance extends SuiteAccess {

  @Test
  default void filters_selectExactlyTheMatchingItems() {
    VectorCollection collection = fresh(4, Metric.L2);
    List<VectorItem> items = items(60, 4, 21);
    ok(collection.upsertAll(items));
    ok(collection.upsert("bare", vector(0, 0, 0, 1), Map.of()));

    expect(collection, items, Filter.eq("n", 7), item -> n(item) == 7);
    expect(collection, items, Filter.eq("name", "item-9"), item -> n(item) == 9);
    expect(collection, items, Filter.in("n", List.of(1, 2L, 3.0, 99)), item -> n(item) >= 1 && n(item) <= 3);
    expect(collection, items, Filter.gt("n", 50), item -> n(item) > 50);
    expect(collection, items, Filter.ge("n", 50.0), item -> n(item) >= 50);
    expect(collection, items, Filter.lt("n", 3), item -> n(item) < 3);
    expect(collection, items, Filter.and(Filter.le("n", 20), Filter.eq("even", false)),
        item -> n(item) <= 20 && n(item) % 2 == 1);
    expect(collection, items, Filter.or(Filter.eq("n", 1), Filter.eq("n", 40)), item -> n(item) == 1 || n(item) == 40);
    expect(collection, items, Filter.ne("n", 5), item -> n(item) != 5);
    expect(collection, items, Filter.like("name", "item-1%"), item -> item.id().startsWith("i1"));
    expect(collection, items, Filter.isNotNull("name"), item -> true);
    expect(collection, items, Filter.gt("name", "item-5"), item -> ("item-" + n(item)).compareTo("item-5") > 0);
    // Absent keys: a comparison is false, its negation true, isNull finds them.
    Set<String> bare = Set.of("bare");
    assertThat(ids(search(collection, Filter.isNull("name")))).isEqualTo(bare);
    assertThat(ids(search(collection, Filter.not(Filter.lt("n", 1000))))).isEqualTo(bare);
    // A range never compares a string with a number.
    assertThat(search(collection, Filter.gt("name", 0))).isEmpty();
    assertThat(search(collection, Filter.in("n", List.of()))).isEmpty();
  }

  private static long n(VectorItem item) {
    return (Long) item.metadata().get("n");
  }

  private static List<dev.cairn.vector.Match> search(VectorCollection collection, Filter filter) {
    return ok(collection.search(Search.of(vector(0, 0, 0, 0), 100).filter(filter)));
  }

  private static void expect(VectorCollection collection, List<VectorItem> items, Filter filter,
      Predicate<VectorItem> expected) {
    Set<String> wanted = items.stream().filter(expected).map(VectorItem::id).collect(Collectors.toSet());
    assertThat(ids(search(collection, filter))).as(filter.toString()).isEqualTo(wanted);
    assertThat(ids(ok(collection.search(Search.of(vector(0, 0, 0, 0), 100).filter(filter).bruteForce()))))
        .as("exact " + filter).isEqualTo(wanted);
  }

  @Test
  default void hostileMetadataKeysAndFilterValues_changeNothing() {
    VectorCollection collection = fresh(2, Metric.COSINE);
    VectorCollection bystander = fresh(2, Metric.COSINE);
    ok(bystander.upsert("x", vector(1, 0), Map.of("k", "v")));
    Map<String, Object> hostile = new LinkedHashMap<>();
    hostile.put("'; DROP TABLE cairn_vector_collections; --", "') OR 1=1 --");
    hostile.put("_id", "not-the-id");
    hostile.put("s:name", "prefix clash");
    hostile.put("a\"b\\c", "%_*?\\");
    hostile.put("metadata", "{\"x\": 1}");
    hostile.put("ключ 🔑", "значение 🗝");
    hostile.put("?", 3);
    ok(collection.upsert("h1", vector(1, 0), hostile));
    ok(collection.upsert("h2", vector(0, 1), Map.of("other", 1)));

    assertThat(ok(collection.get("h1")).metadata()).isEqualTo(withLongs(hostile));
    for (Map.Entry<String, Object> entry : hostile.entrySet()) {
      assertThat(ids(ok(collection.search(vector(1, 1), 10, Filter.eq(entry.getKey(), entry.getValue())))))
          .as(entry.getKey()).containsExactly("h1");
    }
    assertThat(ok(collection.search(vector(1, 1), 10, Filter.eq("_id", "h2")))).isEmpty();
    assertThat(ok(collection.search(vector(1, 1), 10, Filter.eq("other", "1' OR '1'='1")))).isEmpty();
    assertThat(ok(collection.search(vector(1, 1), 10, Filter.like("a\"b\\c", "\\%\\_*?%")))).extracting("id")
        .containsExactly("h1");
    assertThat(ok(collection.search(vector(1, 1), 10, Filter.like("a\"b\\c", "x%")))).isEmpty();
    assertThat(ok(collection.deleteWhere(Filter.eq("'; DROP TABLE cairn_vector_collections; --", "nothing"))))
        .isZero();
    assertThat(ok(collection.count())).isEqualTo(2);
    assertThat(ok(bystander.get("x")).metadata()).isEqualTo(Map.of("k", "v"));
    assertThat(ok(store().collections())).extracting(info -> info.spec().name()).contains(collection.name(),
        bystander.name());
  }

  private static Map<String, Object> withLongs(Map<String, Object> metadata) {
    Map<String, Object> copy = new LinkedHashMap<>();
    metadata.forEach((key, value) -> copy.put(key, value instanceof Integer number ? Long.valueOf(number) : value));
    return copy;
  }
}
