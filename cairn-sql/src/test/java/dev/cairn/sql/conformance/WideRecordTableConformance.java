package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.and;
import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.ge;
import static dev.cairn.sql.Filter.in;
import static dev.cairn.sql.Filter.isNull;
import static dev.cairn.sql.Filter.like;
import static dev.cairn.sql.Filter.or;
import static dev.cairn.sql.Sort.asc;
import static dev.cairn.sql.Sort.desc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Sort;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Badge;
import dev.cairn.sql.conformance.ConformanceModels.Doc;
import dev.cairn.sql.conformance.ConformanceModels.Level;
import dev.cairn.sql.conformance.ConformanceModels.Person;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The typed {@link Table} API on {@link Person}, a record as an application writes it: where the topic components
 * test one operation on a narrow record, these run short stories (insert, read back, change, page through) on a
 * row that holds every mapped type at once.
 */
public interface WideRecordTableConformance extends ConformanceContext {

  private Table<Person> people() {
    Table<Person> people = db().table(Person.class);
    Expect.ok(people.create());
    return people;
  }

  /** Pages through {@code query} with the cursor of each page; the names in the order seen. */
  private static List<String> namesOfEveryPage(Table<Person> people, Query query) {
    List<String> seen = new ArrayList<>();
    Page<Person> page = people.query(query).orElseThrow();
    seen.addAll(page.items().stream().map(Person::name).toList());
    while (page.hasNext()) {
      page = people.query(query.after(page.next().orElseThrow())).orElseThrow();
      seen.addAll(page.items().stream().map(Person::name).toList());
    }
    return seen;
  }

  @Test
  default void insert_generatesKey_andFindRoundTripsEveryType() {
    Table<Person> people = people();
    Person stored = people.insert(Person.of("Ada", 36)).orElseThrow();
    assertThat(stored.id()).isNotNull();
    Person found = people.find(stored.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Ada");
    assertThat(found.createdAt()).isEqualTo(Instant.parse("2024-05-06T07:08:45.123456Z"));
    assertThat(found.birthday()).isEqualTo(LocalDate.of(1990, 1, 2));
    assertThat(found.localTime()).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
    assertThat(found.balance()).isEqualByComparingTo(new BigDecimal("12.5"));
    assertThat(found.photo()).containsExactly(1, 2, 3);
    assertThat(found.level()).isEqualTo(Level.HIGH);
    assertThat(found.active()).isTrue();
    assertThat(found.badges()).containsExactly(new Badge("a", 1));
    assertThat(found.token()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
  }

  @Test
  default void find_missingId_isRowNotFound() {
    Result<Person> result = people().find(424242L);
    assertThat(result.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(((Result.Failure<Person>) result).code()).isEqualTo("ROW_NOT_FOUND");
  }

  @Test
  default void insert_duplicateUnique_isDuplicateKeyNamingColumn() {
    Table<Person> people = people();
    people.insert(Person.of("Ada", 36)).orElseThrow();
    Result<Person> again = people.insert(Person.of("Ada", 37));
    assertThat(again.status()).isEqualTo(Status.DUPLICATE);
    Result.Failure<Person> failure = (Result.Failure<Person>) again;
    assertThat(failure.code()).isEqualTo("DUPLICATE_KEY");
    assertThat(failure.message()).contains("persons").contains("email").doesNotContain("ada@example.com");
    assertThat(people.count(Filter.all()).orElseThrow()).isEqualTo(1L);
  }

  @Test
  default void insert_afterFailedInsert_reusesStatementSuccessfully() {
    Table<Person> people = people();
    people.insert(Person.of("Ada", 36)).orElseThrow();
    assertThat(people.insert(Person.of("Ada", 37)).status()).isEqualTo(Status.DUPLICATE);
    assertThat(people.insert(Person.of("Bob", 38)).isOk()).isTrue();
    assertThat(people.count(Filter.all()).orElseThrow()).isEqualTo(2L);
  }

  @Test
  default void count_eqNull_meansIsNull() {
    Table<Person> people = people();
    people.insert(Person.bare("Nil", null, 1)).orElseThrow();
    people.insert(Person.of("Ada", 36)).orElseThrow();
    assertThat(people.count(eq("email", null)).orElseThrow()).isEqualTo(1L);
    assertThat(people.count(Filter.ne("created_at", null)).orElseThrow()).isEqualTo(1L);
    Person nil = people.query(Query.where(eq("name", "Nil"))).orElseThrow().items().getFirst();
    assertThat(nil.badges()).isNull();
    assertThat(nil.level()).isNull();
  }

  @Test
  default void query_keysetWithNullSortValues_visitsEveryRowOnce() {
    Table<Person> people = people();
    for (int i = 0; i < 9; i++) {
      Person full = Person.of("Z" + i, i);
      people.insert(i % 3 == 0 ? Person.bare(full.name(), full.email(), i) : full).orElseThrow();
    }
    for (Sort sort : List.of(asc("created_at"), desc("created_at"))) {
      List<String> seen = namesOfEveryPage(people, Query.all().orderBy(sort).limit(2));
      assertThat(seen).as(sort.toString()).hasSize(9).doesNotHaveDuplicates();
    }
  }

  @Test
  default void insertAll_oneBadRow_storesNothing() {
    Table<Person> people = people();
    List<Person> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(Person.of("P" + i, 20 + i));
    }
    rows.add(Person.of("P3", 99));
    assertThat(people.insertAll(rows).status()).isEqualTo(Status.DUPLICATE);
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
    assertThat(people.insertAll(rows.subList(0, 20)).orElseThrow()).isEqualTo(20);
    assertThat(people.count(ge("age", 30)).orElseThrow()).isEqualTo(10L);
  }

  @Test
  default void query_filtersSortsAndPagesWithTotal() {
    Table<Person> people = people();
    for (int i = 0; i < 30; i++) {
      people.insert(Person.of("N" + i, i % 3)).orElseThrow();
    }
    Page<Person> page = people.query(Query.where(or(eq("age", 1), in("age", List.of(2))))
        .orderBy(desc("age"), asc("name")).page(2, 5).withTotal()).orElseThrow();
    assertThat(page.total()).hasValue(20);
    assertThat(page.items()).hasSize(5);
    assertThat(page.items()).allMatch(p -> p.age() == 2);
    assertThat(people.count(and(like("name", "N1%"), eq("active", true))).orElseThrow()).isEqualTo(11L);
    assertThat(people.count(isNull("email")).orElseThrow()).isZero();
  }

  @Test
  default void query_keysetPagesVisitEveryRowOnce() {
    Table<Person> people = people();
    for (int i = 0; i < 23; i++) {
      people.insert(Person.of("K" + i, i % 4)).orElseThrow();
    }
    List<String> seen = namesOfEveryPage(people, Query.all().orderBy(desc("created_at")).limit(5));
    assertThat(seen).hasSize(23).doesNotHaveDuplicates();
  }

  @Test
  default void query_foreignOrMalformedCursor_isInvalidCursor() {
    Table<Person> people = people();
    for (int i = 0; i < 3; i++) {
      people.insert(Person.of("C" + i, i)).orElseThrow();
    }
    Cursor cursor = people.query(Query.all().orderBy(asc("age")).limit(1)).orElseThrow().next().orElseThrow();
    Result<Page<Person>> foreign = people.query(Query.all().orderBy(desc("name")).limit(1).after(cursor));
    Result<Page<Person>> malformed = people.query(Query.all().limit(1).after(Cursor.of("%%%not-base64")));
    assertThat(((Result.Failure<?>) foreign).code()).isEqualTo("INVALID_CURSOR");
    assertThat(((Result.Failure<?>) malformed).code()).isEqualTo("INVALID_CURSOR");
  }

  @Test
  default void query_pageTooLarge_isRefused() {
    Result<Page<Person>> result = people().query(Query.all().limit(db().config().maxPageSize() + 1));
    assertThat(((Result.Failure<?>) result).code()).isEqualTo("PAGE_SIZE_TOO_LARGE");
  }

  @Test
  default void update_changesAndReturnsRow_unknownColumnRefused() {
    Table<Person> people = people();
    Person ada = people.insert(Person.of("Ada", 36)).orElseThrow();
    assertThat(people.update(ada.id(), Map.of("age", 37, "name", "Ada L")).orElseThrow().age()).isEqualTo(37);
    Result<Person> bad = people.update(ada.id(), Map.of("agee", 1));
    assertThat(((Result.Failure<?>) bad).code()).isEqualTo("COLUMN_NOT_FOUND");
    Person changed = new Person(ada.id(), "Ada B", ada.email(), 40, ada.createdAt(), null, null, null, null,
        Level.LOW, false, List.of(), null);
    assertThat(people.update(changed).orElseThrow().level()).isEqualTo(Level.LOW);
    assertThat(people.find(ada.id()).orElseThrow().birthday()).isNull();
    assertThat(people.update(999_999L, Map.of("age", 1)).status()).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  default void deleteWhere_emptyFilter_isRefusedUnlessAll() {
    Table<Person> people = people();
    people.insert(Person.of("Ada", 36)).orElseThrow();
    Result<Integer> refused = people.deleteWhere(Filter.and());
    assertThat(((Result.Failure<?>) refused).code()).isEqualTo("FILTER_REQUIRED");
    assertThat(people.updateWhere(Filter.and(), Map.of("age", 1)).status()).isEqualTo(Status.INVALID);
    assertThat(people.updateWhere(eq("name", "Ada"), Map.of("age", 50)).orElseThrow()).isEqualTo(1);
    assertThat(people.deleteWhere(Filter.all()).orElseThrow()).isEqualTo(1);
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
  }

  @Test
  default void delete_andExists() {
    Table<Person> people = people();
    Person ada = people.insert(Person.of("Ada", 36)).orElseThrow();
    assertThat(people.exists(ada.id()).orElseThrow()).isTrue();
    assertThat(people.delete(ada.id()).isOk()).isTrue();
    assertThat(people.exists(ada.id()).orElseThrow()).isFalse();
    assertThat(people.delete(ada.id()).status()).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  default void upsert_insertsThenReplaces() {
    Table<Doc> docs = db().table(Doc.class);
    docs.create().orElseThrow();
    Doc doc = docs.insert(new Doc(null, "first")).orElseThrow();
    assertThat(doc.id()).isNotNull();
    docs.upsert(new Doc(doc.id(), "second")).orElseThrow();
    assertThat(docs.find(doc.id()).orElseThrow().title()).isEqualTo("second");
    assertThat(docs.count(Filter.all()).orElseThrow()).isEqualTo(1L);
    assertThat(docs.insert(new Doc(null, null)).status()).isEqualTo(Status.INVALID);
  }

  @Test
  default void find_storedValueTheRecordCannotHold_isFailureNotException() {
    Table<Person> people = people();
    Person ada = people.insert(Person.of("Ada", 36)).orElseThrow();
    db().rows("persons").update(ada.id(), Map.of("level", "MEDIUM")).orElseThrow();
    Result<Person> result = people.find(ada.id());
    assertThat(((Result.Failure<Person>) result).code()).isEqualTo("STORED_VALUE_UNREADABLE");
  }
}
