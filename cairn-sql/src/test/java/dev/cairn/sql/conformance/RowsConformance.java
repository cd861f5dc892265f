package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.gt;
import static dev.cairn.sql.Sort.desc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import dev.cairn.sql.conformance.ConformanceModels.Tag;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dynamic rows ({@link Rows}): the same operations as typed tables, on maps, with values normalized. */
public interface RowsConformance extends ConformanceContext {

  private Rows users() {
    Expect.ok(db().table(User.class).create());
    return db().rows("users");
  }

  private static Map<String, Object> user(String name, String email, int age) {
    return Map.of("name", name, "email", email, "age", age, "created_at", User.CREATED);
  }

  @Test
  default void insert_map_returnsStoredRowWithNormalizedTypes() {
    Rows rows = users();

    Map<String, Object> stored = Expect.ok(rows.insert(user("Ada", "ada@example.com", 36)));

    assertThat(rows.table()).isEqualTo("users");
    assertThat(stored.get("id")).isInstanceOf(Long.class);
    assertThat(stored).containsEntry("name", "Ada").containsEntry("email", "ada@example.com")
        .containsEntry("age", 36L).containsEntry("created_at", User.CREATED);
    assertThat(Expect.ok(rows.find(stored.get("id")))).isEqualTo(stored);
  }

  @Test
  default void insert_typedRowReadAsMap_andMapReadAsTyped() {
    Rows rows = users();
    User typed = Expect.ok(db().table(User.class).insert(User.of("Ada", "ada@example.com", 36)));

    Map<String, Object> fromMap = Expect.ok(rows.insert(user("Bob", "bob@example.com", 41)));

    assertThat(Expect.ok(rows.find(typed.id()))).containsEntry("name", "Ada").containsEntry("age", 36L);
    assertThat(Expect.ok(db().table(User.class).find(fromMap.get("id"))))
        .isEqualTo(new User((Long) fromMap.get("id"), "Bob", "bob@example.com", 41, User.CREATED));
  }

  @Test
  default void insertAll_oneInvalid_noneStored() {
    Rows rows = users();

    var result = rows.insertAll(List.of(user("A", "a@x", 1), user("B", "b@x", 2), user("C", "a@x", 3)));

    Expect.failure(result, Status.DUPLICATE, "DUPLICATE_KEY");
    assertThat(Expect.ok(rows.count(Filter.all()))).isZero();
    assertThat(Expect.ok(rows.insertAll(List.of(user("A", "a@x", 1), user("B", "b@x", 2))))).isEqualTo(2);
  }

  @Test
  default void upsert_assignedKey_insertsThenReplaces() {
    Expect.ok(db().table(Tag.class).create());
    Rows tags = db().rows("tags");

    Expect.ok(tags.upsert(Map.of("code", "red", "label", "Red")));
    Map<String, Object> replaced = Expect.ok(tags.upsert(Map.of("code", "red", "label", "Crimson")));

    assertThat(replaced).containsEntry("code", "red").containsEntry("label", "Crimson");
    assertThat(Expect.ok(tags.count(Filter.all()))).isOne();
  }

  @Test
  default void queryCountExists_matchInsertedRows() {
    Rows rows = users();
    Expect.ok(rows.insertAll(List.of(user("A", "a@x", 10), user("B", "b@x", 20), user("C", "c@x", 30))));

    Page<Map<String, Object>> page = Expect.ok(rows.query(Query.where(gt("age", 15)).orderBy(desc("age"))
        .withTotal()));

    assertThat(page.items()).extracting(row -> row.get("name")).containsExactly("C", "B");
    assertThat(page.total()).hasValue(2);
    assertThat(Expect.ok(rows.count(eq("name", "A")))).isOne();
    Object id = page.items().getFirst().get("id");
    assertThat(Expect.ok(rows.exists(id))).isTrue();
    assertThat(Expect.ok(rows.exists(-1L))).isFalse();
  }

  @Test
  default void update_changes_returnsStoredRow() {
    Rows rows = users();
    Object id = Expect.ok(rows.insert(user("Ada", "ada@example.com", 36))).get("id");

    Map<String, Object> updated = Expect.ok(rows.update(id, Map.of("age", 37, "name", "Ada L.")));

    assertThat(updated).containsEntry("age", 37L).containsEntry("name", "Ada L.")
        .containsEntry("email", "ada@example.com");
    Expect.failure(rows.update(-5L, Map.of("age", 1)), Status.NOT_FOUND, "ROW_NOT_FOUND");
  }

  @Test
  default void updateCount_changes_countsTheRowWithoutReturningIt() {
    Rows rows = users();
    Object id = Expect.ok(rows.insert(user("Ada", "ada@example.com", 36))).get("id");

    assertThat(Expect.ok(rows.updateCount(id, Map.of("age", 37, "name", "Ada L.")))).isOne();
    assertThat(Expect.ok(rows.updateCount(id, Map.of("age", 37)))).isOne();
    assertThat(Expect.ok(rows.updateCount(-5L, Map.of("age", 1)))).isZero();

    assertThat(Expect.ok(rows.find(id))).containsEntry("age", 37L).containsEntry("name", "Ada L.")
        .containsEntry("email", "ada@example.com");
    Expect.failure(rows.updateCount(id, Map.of("nickname", "A")), Status.INVALID, "COLUMN_NOT_FOUND");
    Expect.failure(rows.updateCount(id, Map.of()), Status.INVALID, "NO_CHANGES");
  }

  @Test
  default void updateWhereDeleteWhere_filterRequiredAndCounts() {
    Rows rows = users();
    Expect.ok(rows.insertAll(List.of(user("A", "a@x", 10), user("B", "b@x", 20), user("C", "c@x", 30))));

    Expect.failure(rows.updateWhere(Filter.and(), Map.of("age", 0)), Status.INVALID, "FILTER_REQUIRED");
    Expect.failure(rows.deleteWhere(Filter.and()), Status.INVALID, "FILTER_REQUIRED");
    assertThat(Expect.ok(rows.updateWhere(gt("age", 15), Map.of("name", "old")))).isEqualTo(2);
    assertThat(Expect.ok(rows.deleteWhere(eq("name", "old")))).isEqualTo(2);
    assertThat(Expect.ok(rows.updateWhere(Filter.all(), Map.of("age", 1)))).isOne();
    assertThat(Expect.ok(rows.deleteWhere(Filter.all()))).isOne();
    assertThat(Expect.ok(rows.count(Filter.all()))).isZero();
  }

  @Test
  default void delete_existingThenMissing_okThenRowNotFound() {
    Rows rows = users();
    Object id = Expect.ok(rows.insert(user("Ada", "ada@example.com", 36))).get("id");

    Expect.ok(rows.delete(id));

    Expect.failure(rows.delete(id), Status.NOT_FOUND, "ROW_NOT_FOUND");
    Expect.failure(rows.find(id), Status.NOT_FOUND, "ROW_NOT_FOUND");
  }

  @Test
  default void anyOperation_unknownTable_isTableNotFoundListingTables() {
    users();
    Rows missing = db().rows("no_such_table");

    var failure = Expect.failure(missing.query(Query.all()), Status.NOT_FOUND, "TABLE_NOT_FOUND");

    assertThat(failure.message()).contains("no_such_table");
    assertThat(failure.details().toString()).contains("users");
    Expect.failure(missing.insert(Map.of("a", 1)), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    Expect.failure(missing.count(Filter.all()), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    Expect.failure(missing.deleteWhere(Filter.all()), Status.NOT_FOUND, "TABLE_NOT_FOUND");
  }

  @Test
  default void insert_unknownColumn_isColumnNotFoundAndNothingStored() {
    Rows rows = users();
    Map<String, Object> row = new java.util.HashMap<>(user("Ada", "ada@example.com", 36));
    row.put("nickname", "A");

    var failure = Expect.failure(rows.insert(row), Status.INVALID, "COLUMN_NOT_FOUND");

    assertThat(failure.message()).contains("nickname");
    assertThat(Expect.ok(rows.count(Filter.all()))).isZero();
  }

  @Test
  default void insert_valueNotFittingColumn_isInvalidValue() {
    Rows rows = users();

    Expect.failure(rows.insert(Map.of("name", "Ada", "email", "a@x", "age", "thirty-six")), Status.INVALID,
        "INVALID_VALUE");
    Expect.failure(rows.insert(Map.of("name", "Ada", "email", "a@x", "age", 1, "created_at", "yesterday")),
        Status.INVALID, "INVALID_VALUE");

    assertThat(Expect.ok(rows.count(Filter.all()))).isZero();
  }

  @Test
  default void insert_numericText_convertedToColumnType() {
    Rows rows = users();

    Map<String, Object> stored = Expect.ok(rows.insert(Map.of("name", "Ada", "email", "a@x", "age", "36",
        "created_at", Instant.parse("2024-05-06T07:08:09Z"))));

    assertThat(stored).containsEntry("age", 36L).containsEntry("created_at", Instant.parse("2024-05-06T07:08:09Z"));
  }
}
