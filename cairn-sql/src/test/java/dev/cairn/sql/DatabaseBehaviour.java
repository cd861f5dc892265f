package dev.cairn.sql;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every dialect must show; each subclass opens one backend. */
abstract class DatabaseBehaviour {
  enum Level { LOW, HIGH }

  record Tag(String label, int weight) {}

  record Person(@Id Long id, String name, @Column(unique = true, length = 120) String email,
      @Column(index = true) int age, Instant createdAt, LocalDate birthday, LocalDateTime localTime,
      BigDecimal balance, byte[] photo, Level level, boolean active, List<Tag> tags, UUID token) {}

  @TableName("docs")
  record Doc(@Id UUID id, @Column(nullable = false) String title) {}

  protected Database db;
  protected Table<Person> people;

  abstract Database open();

  @BeforeEach
  void setUp() {
    db = open();
    people = db.table(Person.class);
    people.drop().orElseThrow();
    people.create().orElseThrow();
  }

  @AfterEach
  void tearDown() {
    if (db != null) {
      people.drop();
      db.table(Doc.class).drop();
      db.close();
    }
  }

  static Person person(String name, int age) {
    return new Person(null, name, name.toLowerCase() + "@example.com", age,
        Instant.parse("2024-05-06T07:08:09.123456Z").plusSeconds(age), LocalDate.of(1990, 1, 2),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), new BigDecimal("12.5"), new byte[] {1, 2, 3}, Level.HIGH, true,
        List.of(new Tag("a", 1)), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
  }

  @Test
  void insert_generatesKey_andFindRoundTripsEveryType() {
    Person stored = people.insert(person("Ada", 36)).orElseThrow();
    assertThat(stored.id()).isNotNull();
    Person found = people.find(stored.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Ada");
    assertThat(found.createdAt()).isEqualTo(Instant.parse("2024-05-06T07:08:45.123456Z"));
    assertThat(found.birthday()).isEqualTo(LocalDate.of(1990, 1, 2));
    assertThat(found.localTime()).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
    assertThat(found.balance()).isEqualByComparingTo("12.5");
    assertThat(found.photo()).containsExactly(1, 2, 3);
    assertThat(found.level()).isEqualTo(Level.HIGH);
    assertThat(found.active()).isTrue();
    assertThat(found.tags()).containsExactly(new Tag("a", 1));
    assertThat(found.token()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
  }

  @Test
  void find_missingId_isRowNotFound() {
    Result<Person> result = people.find(424242L);
    assertThat(result.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(((Result.Failure<Person>) result).code()).isEqualTo("ROW_NOT_FOUND");
  }

  @Test
  void insert_duplicateUnique_isDuplicateKeyNamingColumn() {
    people.insert(person("Ada", 36)).orElseThrow();
    Result<Person> again = people.insert(person("Ada", 37));
    assertThat(again.status()).isEqualTo(Status.DUPLICATE);
    Result.Failure<Person> failure = (Result.Failure<Person>) again;
    assertThat(failure.code()).isEqualTo("DUPLICATE_KEY");
    assertThat(failure.message()).contains("persons").contains("email").doesNotContain("ada@example.com");
    assertThat(people.count(Filter.none()).orElseThrow()).isEqualTo(1L);
  }

  @Test
  void insert_afterFailedInsert_reusesStatementSuccessfully() {
    people.insert(person("Ada", 36)).orElseThrow();
    assertThat(people.insert(person("Ada", 37)).status()).isEqualTo(Status.DUPLICATE);
    assertThat(people.insert(person("Bob", 38)).isOk()).isTrue();
    assertThat(people.count(Filter.none()).orElseThrow()).isEqualTo(2L);
  }

  @Test
  void count_eqNull_meansIsNull() {
    people.insert(new Person(null, "Nil", null, 1, null, null, null, null, null, null, false, null, null))
        .orElseThrow();
    people.insert(person("Ada", 36)).orElseThrow();
    assertThat(people.count(eq("email", null)).orElseThrow()).isEqualTo(1L);
    assertThat(people.count(Filter.ne("created_at", null)).orElseThrow()).isEqualTo(1L);
    Person nil = people.query(Query.where(eq("name", "Nil"))).orElseThrow().items().getFirst();
    assertThat(nil.tags()).isNull();
    assertThat(nil.level()).isNull();
  }

  @Test
  void query_keysetWithNullSortValues_visitsEveryRowOnce() {
    for (int i = 0; i < 9; i++) {
      Person base = person("Z" + i, i);
      people.insert(i % 3 == 0 ? new Person(null, base.name(), base.email(), i, null, null, null, null, null, null,
          false, null, null) : base).orElseThrow();
    }
    for (Sort sort : List.of(asc("created_at"), desc("created_at"))) {
      List<String> seen = new ArrayList<>();
      Query query = Query.all().orderBy(sort).limit(2);
      Page<Person> page = people.query(query).orElseThrow();
      seen.addAll(page.items().stream().map(Person::name).toList());
      while (page.hasNext()) {
        page = people.query(query.after(page.next().orElseThrow())).orElseThrow();
        seen.addAll(page.items().stream().map(Person::name).toList());
      }
      assertThat(seen).as(sort.toString()).hasSize(9).doesNotHaveDuplicates();
    }
  }

  @Test
  void insertAll_oneBadRow_storesNothing() {
    List<Person> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(person("P" + i, 20 + i));
    }
    rows.add(person("P3", 99));
    assertThat(people.insertAll(rows).status()).isEqualTo(Status.DUPLICATE);
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
    assertThat(people.insertAll(rows.subList(0, 20)).orElseThrow()).isEqualTo(20);
    assertThat(people.count(ge("age", 30)).orElseThrow()).isEqualTo(10L);
  }

  @Test
  void query_filtersSortsAndPagesWithTotal() {
    for (int i = 0; i < 30; i++) {
      people.insert(person("N" + i, i % 3)).orElseThrow();
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
  void query_keysetPagesVisitEveryRowOnce() {
    for (int i = 0; i < 23; i++) {
      people.insert(person("K" + i, i % 4)).orElseThrow();
    }
    List<String> seen = new ArrayList<>();
    Query query = Query.all().orderBy(desc("created_at")).limit(5);
    Page<Person> page = people.query(query).orElseThrow();
    seen.addAll(page.items().stream().map(Person::name).toList());
    while (page.hasNext()) {
      page = people.query(query.after(page.next().orElseThrow())).orElseThrow();
      seen.addAll(page.items().stream().map(Person::name).toList());
    }
    assertThat(seen).hasSize(23).doesNotHaveDuplicates();
  }

  @Test
  void query_foreignOrMalformedCursor_isInvalidCursor() {
    for (int i = 0; i < 3; i++) {
      people.insert(person("C" + i, i)).orElseThrow();
    }
    Cursor cursor = people.query(Query.all().orderBy(asc("age")).limit(1)).orElseThrow().next().orElseThrow();
    Result<Page<Person>> foreign = people.query(Query.all().orderBy(desc("name")).limit(1).after(cursor));
    Result<Page<Person>> malformed = people.query(Query.all().limit(1).after(Cursor.of("%%%not-base64")));
    assertThat(((Result.Failure<?>) foreign).code()).isEqualTo("INVALID_CURSOR");
    assertThat(((Result.Failure<?>) malformed).code()).isEqualTo("INVALID_CURSOR");
  }

  @Test
  void query_pageTooLarge_isRefused() {
    Result<Page<Person>> result = people.query(Query.all().limit(db.config().maxPageSize() + 1));
    assertThat(((Result.Failure<?>) result).code()).isEqualTo("PAGE_SIZE_TOO_LARGE");
  }

  @Test
  void update_changesAndReturnsRow_unknownColumnRefused() {
    Person ada = people.insert(person("Ada", 36)).orElseThrow();
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
  void deleteWhere_emptyFilter_isRefusedUnlessAll() {
    people.insert(person("Ada", 36)).orElseThrow();
    Result<Integer> refused = people.deleteWhere(Filter.none());
    assertThat(((Result.Failure<?>) refused).code()).isEqualTo("FILTER_REQUIRED");
    assertThat(people.updateWhere(Filter.none(), Map.of("age", 1)).status()).isEqualTo(Status.INVALID);
    assertThat(people.updateWhere(eq("name", "Ada"), Map.of("age", 50)).orElseThrow()).isEqualTo(1);
    assertThat(people.deleteWhere(Filter.all()).orElseThrow()).isEqualTo(1);
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
  }

  @Test
  void delete_andExists() {
    Person ada = people.insert(person("Ada", 36)).orElseThrow();
    assertThat(people.exists(ada.id()).orElseThrow()).isTrue();
    assertThat(people.delete(ada.id()).isOk()).isTrue();
    assertThat(people.exists(ada.id()).orElseThrow()).isFalse();
    assertThat(people.delete(ada.id()).status()).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  void upsert_insertsThenReplaces() {
    Table<Doc> docs = db.table(Doc.class);
    docs.create().orElseThrow();
    Doc doc = docs.insert(new Doc(null, "first")).orElseThrow();
    assertThat(doc.id()).isNotNull();
    docs.upsert(new Doc(doc.id(), "second")).orElseThrow();
    assertThat(docs.find(doc.id()).orElseThrow().title()).isEqualTo("second");
    assertThat(docs.count(Filter.none()).orElseThrow()).isEqualTo(1L);
    assertThat(docs.insert(new Doc(null, null)).status()).isEqualTo(Status.INVALID);
  }

  @Test
  void transaction_failureRollsBack_okCommits_nestedSavepoint() {
    Result<Person> failed = db.transaction(tx -> {
      tx.table(Person.class).insert(person("Tx", 1)).orElseThrow();
      return Result.failure(Status.INVALID, "NOPE", "changed my mind");
    });
    assertThat(failed.status()).isEqualTo(Status.INVALID);
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
    Result<Long> committed = db.transaction(tx -> {
      tx.table(Person.class).insert(person("Outer", 1)).orElseThrow();
      tx.transaction(inner -> {
        inner.table(Person.class).insert(person("Inner", 2)).orElseThrow();
        return Result.failure(Status.CONFLICT, "INNER", "roll back the inner part");
      });
      return tx.table(Person.class).count(Filter.none());
    });
    assertThat(committed.orElseThrow()).isEqualTo(1L);
    assertThat(people.count(Filter.none()).orElseThrow()).isEqualTo(1L);
  }

  @Test
  void transaction_exceptionRollsBackAndIsRethrown() {
    try {
      db.transaction(tx -> {
        tx.table(Person.class).insert(person("Boom", 1)).orElseThrow();
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("boom");
    }
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
  }

  @Test
  void transaction_deadlock_isRetriedAndBothCommit() throws Exception {
    Assumptions.assumeTrue(db.dialect() != Dialect.SQLITE, "SQLite serializes writers, so they cannot deadlock");
    Person first = people.insert(person("First", 1)).orElseThrow();
    Person second = people.insert(person("Second", 2)).orElseThrow();
    CountDownLatch bothLocked = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Result<Person>>> results = List.of(
          threads.submit(() -> lockInOrder(first, second, bothLocked, attempts)),
          threads.submit(() -> lockInOrder(second, first, bothLocked, attempts)));
      for (Future<Result<Person>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS).isOk()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(people.count(eq("age", 100)).orElseThrow()).isEqualTo(2L);
  }

  private Result<Person> lockInOrder(Person one, Person other, CountDownLatch bothLocked, AtomicInteger attempts) {
    return db.transaction(tx -> {
      attempts.incrementAndGet();
      Table<Person> table = tx.table(Person.class);
      table.update(one.id(), Map.of("age", 100)).orElseThrow();
      bothLocked.countDown();
      try {
        bothLocked.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return table.update(other.id(), Map.of("age", 100));
    });
  }

  @Test
  void readOnlyTransaction_refusesWrites() {
    Result<Person> result = db.readOnlyTransaction(tx -> tx.table(Person.class).insert(person("Ro", 1)));
    assertThat(result.status()).isEqualTo(Status.INVALID);
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
  }

  @Test
  void rows_unknownTable_listsAvailable_andValuesAreConverted() {
    Result<Long> missing = db.rows("users; DROP TABLE persons").count(Filter.none());
    Result.Failure<Long> failure = (Result.Failure<Long>) missing;
    assertThat(failure.code()).isEqualTo("TABLE_NOT_FOUND");
    assertThat(failure.message()).contains("persons");
    Rows rows = db.rows("persons");
    Map<String, Object> row = new HashMap<>();
    row.put("name", "Dyn");
    row.put("email", "dyn@example.com");
    row.put("age", "36");
    row.put("active", "true");
    row.put("created_at", "2024-01-02T03:04:05Z");
    Map<String, Object> stored = rows.insert(row).orElseThrow();
    assertThat(stored.get("age")).isEqualTo(36L);
    assertThat(stored.get("created_at")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    Result<Map<String, Object>> bad = rows.update(stored.get("id"), Map.of("age", "abc"));
    assertThat(((Result.Failure<?>) bad).code()).isEqualTo("INVALID_VALUE");
    Result<Long> badColumn = rows.count(eq("\"x\"", 1));
    assertThat(((Result.Failure<?>) badColumn).code()).isEqualTo("COLUMN_NOT_FOUND");
    assertThat(rows.query(Query.where(eq("age", "36"))).orElseThrow().items()).hasSize(1);
    assertThat(people.find(stored.get("id")).orElseThrow().name()).isEqualTo("Dyn");
  }

  @Test
  void insert_missingRequiredValue_invalidBeforeOrByTheDatabase() {
    Result<Map<String, Object>> leftOut = db.rows("persons").insert(Map.of("name", "NoAge"));
    Result.Failure<?> byDatabase = (Result.Failure<?>) leftOut;
    assertThat(byDatabase.code()).isEqualTo("NOT_NULL_VIOLATION");
    assertThat(byDatabase.message()).contains("persons").contains("age");
    Map<String, Object> nullAge = new HashMap<>();
    nullAge.put("age", null);
    Result.Failure<?> byCairn = (Result.Failure<?>) db.rows("persons").insert(nullAge);
    assertThat(byCairn.code()).isEqualTo("INVALID_VALUE");
    assertThat(byCairn.message()).contains("persons.age");
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
  }

  @Test
  void find_storedValueTheRecordCannotHold_isFailureNotException() {
    Person ada = people.insert(person("Ada", 36)).orElseThrow();
    db.rows("persons").update(ada.id(), Map.of("level", "MEDIUM")).orElseThrow();
    Result<Person> result = people.find(ada.id());
    assertThat(((Result.Failure<Person>) result).code()).isEqualTo("STORED_VALUE_UNREADABLE");
  }

  @Test
  void rows_batchUpsertAndDeletes() {
    Rows rows = db.rows("persons");
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(Map.of("name", "R" + i, "email", "r" + i + "@x", "age", i, "active", i % 2 == 0));
    }
    assertThat(rows.insertAll(batch).orElseThrow()).isEqualTo(5);
    Map<String, Object> first = rows.query(Query.where(eq("name", "R0"))).orElseThrow().items().getFirst();
    Object id = first.get("id");
    assertThat(id).isInstanceOf(Long.class);
    assertThat(first.get("active")).isEqualTo(true);
    Map<String, Object> upserted = rows.upsert(Map.of("id", id, "name", "R0b", "email", "r0@x", "age", 9,
        "active", false)).orElseThrow();
    assertThat(upserted.get("name")).isEqualTo("R0b");
    assertThat(rows.count(Filter.none()).orElseThrow()).isEqualTo(5L);
    assertThat(rows.updateWhere(ge("age", 3), Map.of("name", "old")).orElseThrow()).isEqualTo(3);
    assertThat(rows.delete(id).isOk()).isTrue();
    assertThat(rows.find(id).status()).isEqualTo(Status.NOT_FOUND);
    assertThat(rows.deleteWhere(eq("name", "old")).orElseThrow()).isEqualTo(2);
    assertThat(rows.exists(id).orElseThrow()).isFalse();
  }

  @Test
  void rows_insideTransaction_joinsIt() {
    Result<Long> result = db.transaction(tx -> {
      tx.rows("persons").insert(Map.of("name", "T", "email", "t@x", "age", 1, "active", true)).orElseThrow();
      tx.setRollbackOnly();
      return tx.rows("persons").count(Filter.none());
    });
    assertThat(result.orElseThrow()).isEqualTo(1L);
    assertThat(people.count(Filter.none()).orElseThrow()).isZero();
  }

  @Test
  void schema_describesTable() {
    people.insert(person("Ada", 36)).orElseThrow();
    Schema.TableInfo info = db.schema().table("persons").orElseThrow();
    assertThat(info.primaryKey()).containsExactly("id");
    assertThat(info.rowCount()).isEqualTo(1);
    assertThat(info.sizeBytes()).isPositive();
    assertThat(info.columns()).extracting(Schema.ColumnInfo::name).contains("created_at", "email");
    assertThat(info.indexes()).anyMatch(index -> index.unique() && index.columns().equals(List.of("email")));
    assertThat(info.indexes()).anyMatch(index -> !index.unique() && index.columns().equals(List.of("age")));
    assertThat(db.schema().tables().orElseThrow()).contains("persons");
    assertThat(db.schema().table("nope").status()).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  void health_isUp() {
    Health health = db.health();
    assertThat(health.up()).isTrue();
    assertThat(health.serverVersion()).isNotBlank();
    assertThat(health.dialect()).isEqualTo(db.dialect());
    assertThat(health.url()).isEqualTo(db.url().toString());
    assertThat(health.idleConnections() + health.activeConnections()).isPositive();
  }
}
