package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.in;
import static dev.cairn.sql.Filter.like;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Sort;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Tag;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Identifiers and values from outside: every hostile table, column or sort name is answered NOT_FOUND or INVALID
 * with a precise code, SQL inside values is data, and no table changes (checked against a full snapshot).
 */
public interface HostileInputConformance extends ConformanceContext {

  /** Names that are no table or column here, written to break out of quoting in each dialect. */
  List<String> HOSTILE_NAMES = List.of(
      "users; DROP TABLE users", "users; DROP TABLE users; --", "\"x\"", "`x`", "[x]", "name--", "name/*",
      "x' OR '1'='1", "users\" WHERE 1=1; --", "users` WHERE 1=1; --", "ünïcødé_表_🙂", "a".repeat(300),
      "users\u0000", " users", "users ", "", "*", "users.name", "information_schema.tables", "pg_catalog.pg_class");

  /** Values that are SQL to a careless implementation and plain text to a correct one. */
  List<String> HOSTILE_VALUES = List.of("x' OR '1'='1", "' OR 1=1; DROP TABLE users; --", "\"; DELETE FROM tags; --",
      "\\'; DROP TABLE tags; --", "%' OR name LIKE '%", "1) OR (1=1", "`tags`");

  private void seed() {
    Table<User> users = db().table(User.class);
    Expect.ok(users.create());
    Expect.ok(users.insertAll(List.of(User.of("Ada", "ada@example.com", 36), User.of("Bob", "bob@example.com", 41))));
    Table<Tag> tags = db().table(Tag.class);
    Expect.ok(tags.create());
    Expect.ok(tags.insert(new Tag("red", "Red")));
  }

  private static void expectRefused(String what, Supplier<Result<?>> call, Status status, String code) {
    Result<?> result = call.get();
    assertThat(result).as("%s answered %s", what, result).isInstanceOf(Result.Failure.class);
    Result.Failure<?> failure = (Result.Failure<?>) result;
    assertThat(failure.status()).as("%s: %s", what, failure).isEqualTo(status);
    assertThat(failure.code()).as("%s: %s", what, failure).isEqualTo(code);
    assertThat(failure.message()).as("%s: %s", what, failure).doesNotContain("\n");
  }

  @Test
  default void rows_hostileTableNames_tableNotFoundAndNothingChanged() {
    seed();
    TableSnapshot before = TableSnapshot.of(db());

    for (String name : HOSTILE_NAMES) {
      Rows rows = db().rows(name);
      String what = "table '" + name + "'";
      expectRefused(what + " query", () -> rows.query(Query.all()), Status.NOT_FOUND, "TABLE_NOT_FOUND");
      expectRefused(what + " count", () -> rows.count(Filter.all()), Status.NOT_FOUND, "TABLE_NOT_FOUND");
      expectRefused(what + " insert", () -> rows.insert(Map.of("name", "x")), Status.NOT_FOUND, "TABLE_NOT_FOUND");
      expectRefused(what + " find", () -> rows.find(1L), Status.NOT_FOUND, "TABLE_NOT_FOUND");
      expectRefused(what + " updateWhere", () -> rows.updateWhere(Filter.all(), Map.of("name", "x")),
          Status.NOT_FOUND, "TABLE_NOT_FOUND");
      expectRefused(what + " deleteWhere", () -> rows.deleteWhere(Filter.all()), Status.NOT_FOUND,
          "TABLE_NOT_FOUND");
      expectRefused(what + " schema", () -> db().schema().table(name), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    }

    assertThat(TableSnapshot.of(db())).isEqualTo(before);
  }

  @Test
  default void rows_hostileColumnNames_columnNotFoundAndNothingChanged() {
    seed();
    TableSnapshot before = TableSnapshot.of(db());
    Rows users = db().rows("users");
    Object id = Expect.ok(users.query(Query.all().limit(1))).items().getFirst().get("id");

    for (String name : HOSTILE_NAMES) {
      String what = "column '" + name + "'";
      expectRefused(what + " filter", () -> users.query(Query.where(eq(name, 1))), Status.INVALID,
          "COLUMN_NOT_FOUND");
      expectRefused(what + " sort", () -> users.query(Query.all().orderBy(Sort.asc(name))), Status.INVALID,
          "COLUMN_NOT_FOUND");
      expectRefused(what + " insert", () -> users.insert(Map.of("name", "Eve", "email", "e@x", "age", 1, name, 1)),
          Status.INVALID, "COLUMN_NOT_FOUND");
      expectRefused(what + " update", () -> users.update(id, Map.of(name, 1)), Status.INVALID, "COLUMN_NOT_FOUND");
      expectRefused(what + " updateWhere", () -> users.updateWhere(Filter.all(), Map.of(name, 1)), Status.INVALID,
          "COLUMN_NOT_FOUND");
      expectRefused(what + " deleteWhere", () -> users.deleteWhere(Filter.isNull(name)), Status.INVALID,
          "COLUMN_NOT_FOUND");
    }

    assertThat(TableSnapshot.of(db())).isEqualTo(before);
  }

  @Test
  default void table_hostileColumnNames_columnNotFoundAndNothingChanged() {
    seed();
    TableSnapshot before = TableSnapshot.of(db());
    Table<User> users = db().table(User.class);

    for (String name : HOSTILE_NAMES) {
      String what = "column '" + name + "'";
      expectRefused(what + " filter", () -> users.query(Query.where(like(name, "%"))), Status.INVALID,
          "COLUMN_NOT_FOUND");
      expectRefused(what + " sort", () -> users.query(Query.all().orderBy(Sort.desc(name))), Status.INVALID,
          "COLUMN_NOT_FOUND");
      expectRefused(what + " count", () -> users.count(in(name, List.of(1))), Status.INVALID, "COLUMN_NOT_FOUND");
      expectRefused(what + " deleteWhere", () -> users.deleteWhere(eq(name, 1)), Status.INVALID,
          "COLUMN_NOT_FOUND");
    }

    assertThat(TableSnapshot.of(db())).isEqualTo(before);
  }

  @Test
  default void filters_sqlInValues_matchNothingAndChangeNothing() {
    seed();
    TableSnapshot before = TableSnapshot.of(db());
    Table<User> users = db().table(User.class);

    for (String value : HOSTILE_VALUES) {
      assertThat(Expect.ok(users.query(Query.where(eq("name", value)))).items()).as(value).isEmpty();
      assertThat(Expect.ok(users.query(Query.where(like("name", value)))).items()).as(value).isEmpty();
      assertThat(Expect.ok(users.count(in("email", List.of(value, value + "x"))))).as(value).isZero();
      assertThat(Expect.ok(users.updateWhere(eq("email", value), Map.of("age", 0)))).as(value).isZero();
      assertThat(Expect.ok(users.deleteWhere(eq("name", value)))).as(value).isZero();
      assertThat(Expect.ok(db().rows("tags").deleteWhere(eq("label", value)))).as(value).isZero();
      Expect.failure(users.find(value), Status.INVALID, "INVALID_VALUE");
    }

    assertThat(TableSnapshot.of(db())).isEqualTo(before);
  }

  @Test
  default void insert_sqlInValues_storedVerbatim() {
    seed();
    Rows tags = db().rows("tags");

    for (int i = 0; i < HOSTILE_VALUES.size(); i++) {
      String value = HOSTILE_VALUES.get(i);
      Expect.ok(tags.insert(Map.of("code", "hostile" + i, "label", value)));
      assertThat(Expect.ok(tags.find("hostile" + i))).containsEntry("label", value);
      assertThat(Expect.ok(tags.count(eq("label", value)))).isOne();
    }

    assertThat(Expect.ok(tags.count(Filter.all()))).isEqualTo(HOSTILE_VALUES.size() + 1L);
    assertThat(Expect.ok(db().table(User.class).count(Filter.all()))).isEqualTo(2L);
  }

  @Test
  default void query_hostileCursor_invalidCursorAndNothingChanged() {
    seed();
    TableSnapshot before = TableSnapshot.of(db());
    Table<User> users = db().table(User.class);

    for (String value : HOSTILE_VALUES) {
      expectRefused("cursor '" + value + "'", () -> users.query(Query.all().orderBy(Sort.asc("name")).limit(1)
          .after(Cursor.of(value))), Status.INVALID, "INVALID_CURSOR");
    }

    assertThat(TableSnapshot.of(db())).isEqualTo(before);
  }

  /**
   * Text no UTF-8 storage can hold: a lone UTF-16 surrogate. Drivers would store it as '?' and report success; every
   * write of it is refused INVALID {@code INVALID_UNICODE} instead, through rows, typed tables, updates, filters and
   * raw statements alike, and nothing changes.
   */
  @Test
  default void write_loneSurrogate_invalidUnicodeAndNothingChanged() {
    seed();
    TableSnapshot before = TableSnapshot.of(db());
    Rows tags = db().rows("tags");
    Table<User> users = db().table(User.class);
    Long id = Expect.ok(users.query(Query.all().limit(1))).items().getFirst().id();

    for (String lone : List.of("\uD800", "a\uDFFFb", "x\uD83D", "\uDE00\uD83D")) {
      String what = "'" + lone.replace("\uD800", "<D800>") + "'";
      expectRefused(what + " rows insert", () -> tags.insert(Map.of("code", "lone", "label", lone)),
          Status.INVALID, "INVALID_UNICODE");
      expectRefused(what + " rows key", () -> tags.insert(Map.of("code", lone, "label", "x")), Status.INVALID,
          "INVALID_UNICODE");
      expectRefused(what + " rows update", () -> tags.update("red", Map.of("label", lone)), Status.INVALID,
          "INVALID_UNICODE");
      expectRefused(what + " table insert", () -> users.insert(User.of(lone, "lone@example.com", 1)),
          Status.INVALID, "INVALID_UNICODE");
      expectRefused(what + " table insertAll", () -> users.insertAll(List.of(User.of("Ok", "ok@example.com", 1),
          User.of("Bad", lone, 2))), Status.INVALID, "INVALID_UNICODE");
      expectRefused(what + " table upsert", () -> users.upsert(new User(id, lone, "up@example.com", 3,
          User.CREATED)), Status.INVALID, "INVALID_UNICODE");
      expectRefused(what + " table update", () -> users.update(id, Map.of("name", lone)), Status.INVALID,
          "INVALID_UNICODE");
      expectRefused(what + " updateWhere", () -> users.updateWhere(Filter.all(), Map.of("name", lone)),
          Status.INVALID, "INVALID_UNICODE");
      expectRefused(what + " filter", () -> users.query(Query.where(eq("name", lone))), Status.INVALID,
          "INVALID_UNICODE");
      expectRefused(what + " raw statement", () -> db().execute("UPDATE tags SET label = ?", lone),
          Status.INVALID, "INVALID_UNICODE");
    }

    assertThat(TableSnapshot.of(db())).isEqualTo(before);
  }

  @Test
  default void insert_surrogatePairs_storedExactly() {
    seed();
    Rows tags = db().rows("tags");
    String text = "smile \uD83D\uDE00, music \uD834\uDD1E, han \uD840\uDC00";

    Expect.ok(tags.insert(Map.of("code", "pairs", "label", text)));

    assertThat(Expect.ok(tags.find("pairs"))).containsEntry("label", text);
    assertThat(Expect.ok(tags.count(eq("label", text)))).isOne();
  }
}
