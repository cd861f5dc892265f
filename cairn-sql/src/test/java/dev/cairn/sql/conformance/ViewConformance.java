package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Query;
import dev.cairn.sql.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views: listed apart from tables, described, read like tables, and refused for writes with a clear error. */
public interface ViewConformance extends ConformanceContext {

  @Test
  default void views_listedDescribedReadable_andReadOnly() {
    Expect.ok(db().execute("DROP VIEW IF EXISTS vw_adults"));
    Expect.ok(db().execute("DROP TABLE IF EXISTS vw_people"));
    Expect.ok(db().executeScript("""
        CREATE TABLE vw_people (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, age INTEGER NOT NULL);
        INSERT INTO vw_people (id, name, age) VALUES (1, 'Ada', 36), (2, 'Tim', 12), (3, 'Grace', 45);
        CREATE VIEW vw_adults AS SELECT id, name, age FROM vw_people WHERE age >= 18;
        """));
    try {
      assertThat(Expect.ok(db().schema().views())).contains("vw_adults").doesNotContain("vw_people");
      assertThat(Expect.ok(db().schema().tables())).contains("vw_people").doesNotContain("vw_adults");
      Schema.TableInfo info = Expect.ok(db().schema().table("vw_adults"));
      assertThat(info.columns()).extracting(Schema.ColumnInfo::name).containsExactly("id", "name", "age");
      assertThat(info.rowCount()).isEqualTo(2);

      var rows = db().rows("vw_adults");
      assertThat(Expect.ok(rows.count(Filter.all()))).isEqualTo(2L);
      assertThat(Expect.ok(rows.query(Query.where(Filter.gt("age", 40)))).items())
          .extracting(row -> row.get("name")).containsExactly("Grace");
      List<Map<String, Object>> streamed = new ArrayList<>();
      assertThat(Expect.ok(rows.stream(Filter.all(), streamed::add))).isEqualTo(2L);
      assertThat(Expect.ok(db().query("SELECT name FROM vw_adults ORDER BY name"))).hasSize(2);

      var failure = Expect.failure(rows.insert(Map.of("id", 9, "name", "New", "age", 30)), Status.INVALID,
          "VIEW_READ_ONLY");
      assertThat(failure.message()).contains("vw_adults").contains("view");
      Expect.failure(rows.updateWhere(Filter.all(), Map.of("age", 1)), Status.INVALID, "VIEW_READ_ONLY");
      Expect.failure(rows.updateCount(1, Map.of("age", 1)), Status.INVALID, "VIEW_READ_ONLY");
      Expect.failure(rows.deleteWhere(Filter.all()), Status.INVALID, "VIEW_READ_ONLY");
      assertThat(Expect.ok(db().rows("vw_people").count(Filter.all()))).isEqualTo(3L);
    } finally {
      Expect.ok(db().execute("DROP VIEW IF EXISTS vw_adults"));
      Expect.ok(db().execute("DROP TABLE IF EXISTS vw_people"));
    }
  }
}
