package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import org.junit.jupiter.api.Test;

/** {@link dev.cairn.sql.Session#execute}: trusted SQL with bound parameters, errors translated, transactional. */
public interface ExecuteConformance extends ConformanceContext {

  @Test
  default void execute_ddlAndBoundDml_countsAndVisibleToRows() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS raw_notes"));
    try {
      Expect.ok(db().execute("CREATE TABLE raw_notes (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(100))"));
      assertThat(Expect.ok(db().execute("INSERT INTO raw_notes (id, body) VALUES (?, ?), (?, ?)",
          1, "one'; DROP TABLE raw_notes; --", 2, "two"))).isEqualTo(2);

      assertThat(Expect.ok(db().rows("raw_notes").count(Filter.all()))).isEqualTo(2L);
      assertThat(Expect.ok(db().rows("raw_notes").find(1)).get("body")).isEqualTo("one'; DROP TABLE raw_notes; --");
      assertThat(Expect.ok(db().execute("UPDATE raw_notes SET body = ? WHERE id > ?", "x", 0))).isEqualTo(2);
    } finally {
      Expect.ok(db().execute("DROP TABLE IF EXISTS raw_notes"));
    }
  }

  @Test
  default void execute_duplicateKey_isDuplicateAndNothingWritten() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS raw_keys"));
    try {
      Expect.ok(db().execute("CREATE TABLE raw_keys (id INTEGER NOT NULL PRIMARY KEY)"));
      Expect.ok(db().execute("INSERT INTO raw_keys (id) VALUES (?)", 1));

      Expect.failure(db().execute("INSERT INTO raw_keys (id) VALUES (?), (?)", 2, 1), Status.DUPLICATE,
          "DUPLICATE_KEY");

      assertThat(Expect.ok(db().rows("raw_keys").count(Filter.all()))).isEqualTo(1L);
    } finally {
      Expect.ok(db().execute("DROP TABLE IF EXISTS raw_keys"));
    }
  }

  @Test
  default void execute_insideFailedTransaction_rolledBack() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS raw_tx"));
    try {
      Expect.ok(db().execute("CREATE TABLE raw_tx (id INTEGER NOT NULL PRIMARY KEY)"));

      Result<Integer> result = db().transaction(tx -> {
        Expect.ok(tx.execute("INSERT INTO raw_tx (id) VALUES (?)", 1));
        return Result.failure(Status.CONFLICT, "CHANGED_MIND", "roll it back");
      });

      Expect.failure(result, Status.CONFLICT, "CHANGED_MIND");
      assertThat(Expect.ok(db().rows("raw_tx").count(Filter.all()))).isZero();
    } finally {
      Expect.ok(db().execute("DROP TABLE IF EXISTS raw_tx"));
    }
  }

  @Test
  default void execute_blankOrBrokenSql_isAFailureNotAnException() {
    Expect.failure(db().execute("  "), Status.INVALID, "EMPTY_SQL");
    Result<Integer> broken = db().execute("SELEC nonsense FROM nowhere");
    assertThat(broken.isOk()).isFalse();
    assertThat(((Result.Failure<Integer>) broken).message()).doesNotContain("\n");
  }
}
