package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.and;
import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.ge;
import static dev.cairn.sql.Filter.gt;
import static dev.cairn.sql.Filter.in;
import static dev.cairn.sql.Filter.isNotNull;
import static dev.cairn.sql.Filter.isNull;
import static dev.cairn.sql.Filter.le;
import static dev.cairn.sql.Filter.like;
import static dev.cairn.sql.Filter.lt;
import static dev.cairn.sql.Filter.ne;
import static dev.cairn.sql.Filter.not;
import static dev.cairn.sql.Filter.or;
import static dev.cairn.sql.Sort.asc;
import static dev.cairn.sql.Sort.desc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Database;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Query}: every filter operator and combinator, sorting, offset and keyset paging, and their failures.
 * Expected answers are computed in Java from the same seed rows.
 */
public interface QueryConformance extends ConformanceContext {

  /** 30 products; categories a/b/c, repeated prices, every fifth stock null. */
  static List<Product> seed() {
    return IntStream.rangeClosed(1, 30).mapToObj(i -> new Product((long) i, String.format("p%02d", i),
        List.of("a", "b", "c").get(i % 3), (i * 7) % 20, i % 5 == 0 ? null : i)).toList();
  }

  private Table<Product> products() {
    Table<Product> products = db().table(Product.class);
    Expect.ok(products.create());
    Expect.ok(products.insertAll(seed()));
    return products;
  }

  private static List<Long> ids(Predicate<Product> predicate) {
    return seed().stream().filter(predicate).map(Product::id).toList();
  }

  private static List<Long> ids(Page<Product> page) {
    return page.items().stream().map(Product::id).toList();
  }

  private List<Long> query(Table<Product> products, Filter filter) {
    return ids(Expect.ok(products.query(Query.where(filter).limit(1000))));
  }

  @Test
  default void query_comparisonOperators_matchJava() {
    Table<Product> products = products();

    assertThat(query(products, eq("price", 14))).isEqualTo(ids(p -> p.price() == 14));
    assertThat(query(products, ne("price", 14))).isEqualTo(ids(p -> p.price() != 14));
    assertThat(query(products, gt("price", 14))).isEqualTo(ids(p -> p.price() > 14));
    assertThat(query(products, ge("price", 14))).isEqualTo(ids(p -> p.price() >= 14));
    assertThat(query(products, lt("price", 14))).isEqualTo(ids(p -> p.price() < 14));
    assertThat(query(products, le("price", 14))).isEqualTo(ids(p -> p.price() <= 14));
    assertThat(query(products, eq("name", "p07"))).containsExactly(7L);
  }

  @Test
  default void query_inAndLike_matchJava() {
    Table<Product> products = products();

    assertThat(query(products, in("category", List.of("a", "c")))).isEqualTo(ids(p -> !p.category().equals("b")));
    assertThat(query(products, in("id", List.of(3L, 5L, 99L)))).containsExactly(3L, 5L);
    assertThat(query(products, in("category", List.of()))).isEmpty();
    assertThat(query(products, like("name", "p1%"))).isEqualTo(ids(p -> p.name().startsWith("p1")));
    assertThat(query(products, like("name", "p_5"))).containsExactly(5L, 15L, 25L);
  }

  @Test
  default void query_nullTests_matchJava() {
    Table<Product> products = products();

    assertThat(query(products, isNull("stock"))).isEqualTo(ids(p -> p.stock() == null));
    assertThat(query(products, isNotNull("stock"))).isEqualTo(ids(p -> p.stock() != null));
    assertThat(query(products, eq("stock", null))).isEqualTo(ids(p -> p.stock() == null));
    assertThat(query(products, ne("stock", null))).isEqualTo(ids(p -> p.stock() != null));
  }

  @Test
  default void query_andOrNot_matchJava() {
    Table<Product> products = products();

    assertThat(query(products, and(eq("category", "a"), gt("price", 5))))
        .isEqualTo(ids(p -> p.category().equals("a") && p.price() > 5));
    assertThat(query(products, or(eq("category", "a"), lt("price", 3))))
        .isEqualTo(ids(p -> p.category().equals("a") || p.price() < 3));
    assertThat(query(products, not(eq("category", "a")))).isEqualTo(ids(p -> !p.category().equals("a")));
    assertThat(query(products, and(or(eq("category", "b"), eq("category", "c")), not(isNull("stock")))))
        .isEqualTo(ids(p -> !p.category().equals("a") && p.stock() != null));
    assertThat(query(products, Filter.or())).isEmpty();
    assertThat(query(products, Filter.all())).hasSize(30);
    assertThat(query(products, Filter.all())).hasSize(30);
  }

  @Test
  default void query_multiColumnSort_ordersByEachKey() {
    Table<Product> products = products();

    Page<Product> page = Expect.ok(products.query(Query.all().orderBy(asc("category"), desc("price"), asc("id"))
        .limit(1000)));

    List<Long> expected = seed().stream().sorted(Comparator.comparing(Product::category)
        .thenComparing(Comparator.comparing(Product::price).reversed()).thenComparing(Product::id))
        .map(Product::id).toList();
    assertThat(ids(page)).isEqualTo(expected);
  }

  @Test
  default void query_noSort_primaryKeyOrder() {
    Table<Product> products = products();

    assertThat(ids(Expect.ok(products.query(Query.all().limit(1000))))).isEqualTo(ids(p -> true));
  }

  @Test
  default void query_offsetPageWithTotal_returnsSliceAndTotal() {
    Table<Product> products = products();

    Page<Product> page = Expect.ok(products.query(Query.where(ne("category", "b")).orderBy(desc("id"))
        .page(2, 7).withTotal()));

    List<Long> all = new ArrayList<>(ids(p -> !p.category().equals("b")));
    java.util.Collections.reverse(all);
    assertThat(ids(page)).isEqualTo(all.subList(7, 14));
    assertThat(page.page()).isEqualTo(2);
    assertThat(page.pageSize()).isEqualTo(7);
    assertThat(page.total()).hasValue(all.size());
  }

  @Test
  default void query_withoutTotal_totalEmpty() {
    Table<Product> products = products();

    assertThat(Expect.ok(products.query(Query.all().page(1, 5))).total()).isEmpty();
  }

  @Test
  default void query_pageBeyondEnd_emptyWithTotal() {
    Table<Product> products = products();

    Page<Product> page = Expect.ok(products.query(Query.all().page(10, 10).withTotal()));

    assertThat(page.items()).isEmpty();
    assertThat(page.total()).hasValue(30);
  }

  @Test
  default void query_keysetThroughWholeTable_noRowMissedOrRepeated() {
    Table<Product> products = products();
    Query first = Query.all().orderBy(asc("category"), desc("price")).limit(4);

    List<Long> seen = walk(products, first);

    List<Long> expected = seed().stream().sorted(Comparator.comparing(Product::category)
        .thenComparing(Comparator.comparing(Product::price).reversed()).thenComparing(Product::id))
        .map(Product::id).toList();
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  default void query_keysetWithFilterAndDescendingSort_noRowMissedOrRepeated() {
    Table<Product> products = products();

    List<Long> seen = walk(products, Query.where(isNotNull("stock")).orderBy(desc("name")).limit(3));

    List<Long> expected = new ArrayList<>(ids(p -> p.stock() != null));
    java.util.Collections.reverse(expected);
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  default void query_keysetOnNullableColumn_eitherDirection_visitsRowsInOffsetOrder() {
    Table<Product> products = products();

    for (Query first : List.of(Query.all().orderBy(asc("stock")).limit(4),
        Query.all().orderBy(desc("stock")).limit(4), Query.where(gt("price", 3)).orderBy(desc("price")).limit(3),
        Query.all().orderBy(asc("price"), desc("stock")).limit(5))) {
      List<Long> inOneQuery = ids(Expect.ok(products.query(first.limit(1000))));

      assertThat(walk(products, first)).as("keyset walk of %s", first).isEqualTo(inOneQuery);
    }
  }

  @Test
  default void query_sameShapeAgain_valuesBoundFromRenderedSqlInTheirPlaces() {
    Table<Product> products = products();
    Query mixed = Query.where(and(gt("price", 3), in("category", List.of("a", "c")), like("name", "p1%"),
        not(eq("stock", 12)))).orderBy(desc("price")).limit(1000);
    Query nulls = Query.where(or(eq("stock", null), not(le("price", 9)))).orderBy(asc("price")).page(2, 4);
    Comparator<Product> byPriceDescending = Comparator.comparing(Product::price).thenComparing(Product::id).reversed();
    List<Long> mixedExpected = seed().stream().filter(p -> p.price() > 3 && !p.category().equals("b")
        && p.name().startsWith("p1") && p.stock() != null && p.stock() != 12).sorted(byPriceDescending)
        .map(Product::id).toList();
    List<Long> nullsExpected = seed().stream().filter(p -> p.stock() == null || p.price() > 9)
        .sorted(Comparator.comparing(Product::price).thenComparing(Product::id)).map(Product::id).skip(4).limit(4)
        .toList();

    for (int run = 0; run < 3; run++) {
      assertThat(ids(Expect.ok(products.query(mixed)))).as("run %d", run).isEqualTo(mixedExpected);
      assertThat(ids(Expect.ok(products.query(nulls)))).as("run %d", run).isEqualTo(nullsExpected);
    }
  }

  private List<Long> walk(Table<Product> products, Query first) {
    List<Long> seen = new ArrayList<>();
    Page<Product> page = Expect.ok(products.query(first));
    seen.addAll(ids(page));
    for (int guard = 0; page.hasNext() && guard < 100; guard++) {
      assertThat(page.items()).isNotEmpty();
      page = Expect.ok(products.query(first.after(page.next().orElseThrow())));
      seen.addAll(ids(page));
    }
    assertThat(page.hasNext()).as("last page has no next cursor").isFalse();
    return seen;
  }

  @Test
  default void query_pageSizeAboveMaximum_isPageSizeTooLarge() {
    Table<Product> products = products();

    Expect.failure(products.query(Query.all().limit(1001)), Status.INVALID, "PAGE_SIZE_TOO_LARGE");
    assertThat(Expect.ok(products.query(Query.all().limit(1000))).items()).hasSize(30);
  }

  @Test
  default void query_configuredMaximumPageSize_enforced() {
    try (Database small = Database.open(config().withMaxPageSize(10))) {
      Table<Product> products = small.table(Product.class);
      Expect.ok(products.create());

      Expect.failure(products.query(Query.all().limit(11)), Status.INVALID, "PAGE_SIZE_TOO_LARGE");
      Expect.failure(products.query(Query.all().page(3, 11)), Status.INVALID, "PAGE_SIZE_TOO_LARGE");
      Expect.ok(products.query(Query.all().limit(10)));
    }
  }

  @Test
  default void query_tamperedCursor_isInvalidCursor() {
    Table<Product> products = products();
    Query query = Query.all().orderBy(asc("name")).limit(5);
    Cursor cursor = Expect.ok(products.query(query)).next().orElseThrow();

    Expect.failure(products.query(query.after(Cursor.of("garbage"))), Status.INVALID, "INVALID_CURSOR");
    Expect.failure(products.query(query.after(Cursor.of(cursor.token() + "x"))), Status.INVALID, "INVALID_CURSOR");
    Expect.failure(products.query(Query.all().orderBy(desc("price")).limit(5).after(cursor)), Status.INVALID,
        "INVALID_CURSOR");
  }

  @Test
  default void query_unknownColumns_isColumnNotFound() {
    Table<Product> products = products();

    Expect.failure(products.query(Query.where(eq("colour", "red"))), Status.INVALID, "COLUMN_NOT_FOUND");
    Expect.failure(products.query(Query.all().orderBy(asc("colour"))), Status.INVALID, "COLUMN_NOT_FOUND");
    // Resolved sorts are kept per table: a failed one is not, and fails again.
    Expect.failure(products.query(Query.all().orderBy(asc("colour"))), Status.INVALID, "COLUMN_NOT_FOUND");
    Expect.failure(products.count(isNull("colour")), Status.INVALID, "COLUMN_NOT_FOUND");
  }
}
