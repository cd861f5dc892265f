package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Query;
import dev.cairn.sql.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON and array columns of tables created with plain SQL (PostgreSQL json/jsonb and text[]/int[], MariaDB JSON,
 * SQLite columns declared JSON): nested JSON goes in and comes out as JSON through dynamic rows, raw queries and
 * records; type errors name the column; instants filter by a date.
 */
public interface JsonConformance extends ConformanceContext {

  /** A document row read into a record: JSON components take the parsed JSON whatever the column type. */
  record JsDoc(long id, Map<String, Object> doc, List<String> tags, Instant createdAt) {}

  private void documents() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS js_docs"));
    Expect.ok(db().execute(switch (dialect()) {
      case POSTGRESQL -> "CREATE TABLE js_docs (id BIGINT PRIMARY KEY, doc JSONB, meta JSON, tags TEXT[],"
          + " nums INT[], created_at TIMESTAMPTZ)";
      case MARIADB, MYSQL -> "CREATE TABLE js_docs (id BIGINT PRIMARY KEY, doc JSON, meta JSON, tags JSON,"
          + " nums JSON, created_at DATETIME(6))";
      case SQLITE -> "CREATE TABLE js_docs (id INTEGER PRIMARY KEY, doc JSON, meta JSON, tags JSON, nums JSON,"
          + " created_at TIMESTAMP)";
    }));
  }

  private static Map<String, Object> nested() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "Ada \"the first\"");
    doc.put("n", 42);
    doc.put("ratio", 0.5);
    doc.put("ok", true);
    doc.put("items", List.of(Map.of("k", "v"), List.of(1, 2), "three"));
    doc.put("none", null);
    return doc;
  }

  private static List<Long> longs(Object list) {
    return ((List<?>) list).stream().map(n -> ((Number) n).longValue()).toList();
  }

  @Test
  default void jsonAndArrays_roundTripThroughDynamicRows_asJsonNotText() {
    documents();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 1);
    row.put("doc", nested());
    row.put("meta", List.of("a", Map.of("b", 2)));
    row.put("tags", List.of("t1", "t,2", "t\"3"));
    row.put("nums", List.of(1, 2, 3));
    row.put("created_at", "2024-05-06T07:08:09Z");

    Map<String, Object> stored = Expect.ok(db().rows("js_docs").insert(row));
    Map<String, Object> found = Expect.ok(db().rows("js_docs").find(1));

    for (Map<String, Object> read : List.of(stored, found)) {
      assertThat(read.get("doc")).isInstanceOf(Map.class);
      Map<?, ?> doc = (Map<?, ?>) read.get("doc");
      assertThat(doc.get("name")).isEqualTo("Ada \"the first\"");
      assertThat(((Number) doc.get("n")).intValue()).isEqualTo(42);
      assertThat(doc.get("ok")).isEqualTo(true);
      assertThat(doc.get("items")).isEqualTo(List.of(Map.of("k", "v"), List.of(1, 2), "three"));
      assertThat(doc.containsKey("none")).isTrue();
      assertThat(read.get("meta")).isEqualTo(List.of("a", Map.of("b", 2)));
      assertThat(read.get("tags")).isEqualTo(List.of("t1", "t,2", "t\"3"));
      assertThat(longs(read.get("nums"))).containsExactly(1L, 2L, 3L);
    }
    Map<String, Object> changed = Expect.ok(db().rows("js_docs").update(1, Map.of("doc", Map.of("x", List.of()),
        "tags", List.of())));
    assertThat(changed.get("doc")).isEqualTo(Map.of("x", List.of()));
    assertThat(changed.get("tags")).isEqualTo(List.of());
  }

  @Test
  default void jsonColumns_readByRawQueriesAndRecords() {
    documents();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 7);
    row.put("doc", nested());
    row.put("tags", List.of("x", "y"));
    row.put("created_at", Instant.parse("2024-01-02T03:04:05Z"));
    Expect.ok(db().rows("js_docs").insert(row));

    Row read = Expect.ok(db().queryOne("SELECT doc, tags FROM js_docs WHERE id = :id", Map.of("id", 7)));
    List<JsDoc> records = Expect.ok(db().query("SELECT * FROM js_docs", JsDoc.class));

    assertThat(read.get("doc")).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) read.get("doc")).get("items")).isEqualTo(List.of(Map.of("k", "v"), List.of(1, 2),
        "three"));
    assertThat(read.get("tags")).isEqualTo(List.of("x", "y"));
    assertThat(records).hasSize(1);
    assertThat(records.getFirst().doc().get("name")).isEqualTo("Ada \"the first\"");
    assertThat(records.getFirst().tags()).containsExactly("x", "y");
    assertThat(records.getFirst().createdAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
  }

  @Test
  default void wrongTypes_areInvalidNamingTheColumn_neverAServerError() {
    documents();

    Result.Failure<Map<String, Object>> object = Expect.failure(db().rows("js_docs").insert(
        Map.of("id", 2, "created_at", Map.of("not", "a time"))), Status.INVALID, "INVALID_VALUE");
    assertThat(object.message()).contains("created_at");
    if (dialect() == Dialect.POSTGRESQL) {
      // PostgreSQL says 22P02 (invalid_text_representation) without a column: Cairn names it, and both types.
      Result.Failure<Map<String, Object>> array = Expect.failure(db().rows("js_docs").insert(
          Map.of("id", 3, "nums", List.of("x"))), Status.INVALID, "INVALID_VALUE");
      assertThat(array.details().get("column")).isEqualTo("nums");
      assertThat(array.message()).contains("nums").contains("integer[]").contains("text").doesNotContain("\"x\"");
    }
    if (dialect() != Dialect.SQLITE) {
      // Raw SQL binds a Java string as text: the database refuses it for a JSON column, and says which column.
      Result.Failure<Integer> raw = Expect.failure(db().execute("INSERT INTO js_docs (id, doc) VALUES (?, ?)", 4,
          "not json {"), Status.INVALID);
      assertThat(raw.details().get("column")).isEqualTo("doc");
      assertThat(raw.message()).contains("doc");
    }

    assertThat(Expect.ok(db().rows("js_docs").count(Filter.all()))).isZero();
  }

  @Test
  default void instantFilters_acceptADate() {
    documents();
    Expect.ok(db().rows("js_docs").insert(Map.of("id", 1, "created_at", "2029-12-31T23:59:59Z")));
    Expect.ok(db().rows("js_docs").insert(Map.of("id", 2, "created_at", "2030-01-01T00:00:00Z")));

    var page = Expect.ok(db().rows("js_docs").query(Query.where(Filter.lt("created_at", "2030-01-01"))));

    assertThat(page.items()).extracting(item -> ((Number) item.get("id")).longValue()).containsExactly(1L);
  }
}
