package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: {@code Filter.none()} matched every row next to {@code Filter.all()}, two names for one idea with a
 * misleading one. {@code all()} is the name, for queries and bulk writes alike; {@code none()} is gone.
 */
class FilterNamesTest {

  @Test
  void all_everyRowInQueriesAndBulkWrites_emptyAndStillRefused() {
    try (Database db = Database.open("sqlite::memory:")) {
      db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)").orElseThrow();
      db.execute("INSERT INTO t (n) VALUES (1), (2), (3)").orElseThrow();
      Rows rows = db.rows("t");

      assertThat(rows.count(Filter.all()).orElseThrow()).isEqualTo(3);
      assertThat(rows.query(Query.all()).orElseThrow().items()).hasSize(3);
      assertThat(rows.updateWhere(Filter.and(), Map.of("n", 0)).status()).isEqualTo(Status.INVALID);
      assertThat(rows.updateWhere(Filter.all(), Map.of("n", 0)).orElseThrow()).isEqualTo(3);
    }
  }

  @Test
  void none_gone_oneNameForEveryRow() {
    assertThat(Filter.class.getDeclaredMethods()).extracting(java.lang.reflect.Method::getName).doesNotContain("none");
  }
}
