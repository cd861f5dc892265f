package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Row;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Raw SQL that returns rows ({@link dev.cairn.sql.Session#query}, {@code queryOne}, {@code stream}), batches
 * ({@code executeMany}), scripts ({@code executeScript}, {@code initializeSchema}) and maintenance
 * ({@code vacuumAnalyze}), on every backend.
 */
public interface RawQueryConformance extends ConformanceContext {

  /** A row of the join + aggregate below, read into a record by column label. */
  record AuthorTotal(String name, long books, double avgPages, String firstTitle) {}

  private void authorsAndBooks() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_books"));
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_authors"));
    Expect.ok(db().execute("CREATE TABLE rq_authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)"));
    Expect.ok(db().execute("CREATE TABLE rq_books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL,"
        + " title VARCHAR(100) NOT NULL, pages INTEGER NOT NULL, price DECIMAL(8,2))"));
    Expect.ok(db().executeMany("INSERT INTO rq_authors (id, name) VALUES (:id, :name)", List.of(
        Map.of("id", 1, "name", "Ada"), Map.of("id", 2, "name", "Grace"), Map.of("id", 3, "name", "Edsger"))));
    Expect.ok(db().executeMany("INSERT INTO rq_books (id, author_id, title, pages, price)"
        + " VALUES (:id, :author, :title, :pages, :price)", List.of(
        book(1, 1, "Notes", 100, "9.50"), book(2, 1, "Engines", 300, "20.00"), book(3, 2, "Compilers", 200, null))));
  }

  private static Map<String, Object> book(int id, int author, String title, int pages, String price) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("author", author);
    row.put("title", title);
    row.put("pages", pages);
    row.put("price", price == null ? null : new BigDecimal(price));
    return row;
  }

  String JOIN_AGGREGATE = "SELECT a.name AS name, COUNT(b.id) AS books,"
      + " AVG(b.pages) AS avg_pages, MIN(b.title) AS first_title"
      + " FROM rq_authors a LEFT JOIN rq_books b ON b.author_id = a.id"
      + " GROUP BY a.id, a.name HAVING COUNT(b.id) >= ? ORDER BY a.id";

  @Test
  default void query_joinAggregate_rowsInSelectOrderWithTypedGetters() {
    authorsAndBooks();

    List<Row> rows = Expect.ok(db().query(JOIN_AGGREGATE, 1));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).columns()).containsExactly("name", "books", "avg_pages", "first_title");
    assertThat(rows.get(0).getString("name")).isEqualTo("Ada");
    assertThat(rows.get(0).getLong("books")).isEqualTo(2L);
    assertThat(rows.get(0).getDouble("avg_pages")).isEqualTo(200.0);
    assertThat(rows.get(0).getString("first_title")).isEqualTo("Engines");
    assertThat(rows.get(1).getInt("BOOKS")).isEqualTo(1); // a label is found ignoring case
    assertThat(rows.get(0).get("books")).isInstanceOf(Long.class);
    assertThatThrownBy(() -> rows.get(0).get("nope")).isInstanceOfSatisfying(CairnException.class,
        e -> assertThat(e.code()).isEqualTo("COLUMN_NOT_FOUND"));
    assertThatThrownBy(() -> rows.get(0).getLong("name")).isInstanceOfSatisfying(CairnException.class,
        e -> assertThat(e.code()).isEqualTo("COLUMN_TYPE_MISMATCH"));
  }

  @Test
  default void query_cteAndNamedParameters_boundByNameOnceOrTwice() {
    authorsAndBooks();

    List<Row> rows = Expect.ok(db().query("WITH long_books AS (SELECT * FROM rq_books WHERE pages >= :min)"
        + " SELECT title, ':min is not a parameter here' AS note FROM long_books"
        + " WHERE pages <= :max OR pages > :min -- :nor_here\n ORDER BY pages", Map.of("min", 200, "max", 250)));

    assertThat(rows).extracting(row -> row.getString("title")).containsExactly("Compilers", "Engines");
    assertThat(rows.get(0).getString("note")).isEqualTo(":min is not a parameter here");
    Expect.failure(db().query("SELECT * FROM rq_books WHERE id = :id", Map.of("ID", 1)), Status.INVALID,
        "MISSING_PARAMETER");
  }

  @Test
  default void query_intoRecords_byColumnLabelOrComponentName() {
    authorsAndBooks();

    List<AuthorTotal> totals = Expect.ok(db().query(JOIN_AGGREGATE, AuthorTotal.class, 0));
    List<AuthorTotal> named = Expect.ok(db().query("SELECT a.name, COUNT(*) AS books, 1.5 AS avgPages,"
        + " NULL AS first_title FROM rq_authors a WHERE a.id = :id GROUP BY a.name", AuthorTotal.class,
        Map.of("id", 2)));

    assertThat(totals).containsExactly(new AuthorTotal("Ada", 2, 200.0, "Engines"),
        new AuthorTotal("Grace", 1, 200.0, "Compilers"), new AuthorTotal("Edsger", 0, 0.0, null));
    assertThat(named).containsExactly(new AuthorTotal("Grace", 1, 1.5, null));
    Expect.failure(db().query("SELECT name FROM rq_authors", AuthorTotal.class), Status.INVALID,
        "COLUMN_NOT_FOUND");
  }

  @Test
  default void executeAndQuery_bindJavaTimeAndJsonValuesAsStored() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_values"));
    Expect.ok(db().execute("CREATE TABLE rq_values (id INTEGER NOT NULL PRIMARY KEY, at_date DATE, note VARCHAR(200))"));
    try {
      Expect.ok(db().execute("INSERT INTO rq_values (id, at_date, note) VALUES (?, ?, ?)", 1,
          java.time.LocalDate.parse("2024-02-29"), Map.of("k", List.of(1, 2))));

      Row row = Expect.ok(db().queryOne("SELECT at_date, note FROM rq_values WHERE at_date = :d",
          Map.of("d", java.time.LocalDate.parse("2024-02-29"))));
      assertThat(row.getLocalDate("at_date")).isEqualTo(java.time.LocalDate.parse("2024-02-29"));
      assertThat(row.getString("note")).isEqualTo("{\"k\":[1,2]}");
    } finally {
      Expect.ok(db().execute("DROP TABLE IF EXISTS rq_values"));
    }
  }

  @Test
  default void queryOne_firstRowOrNotFound() {
    authorsAndBooks();

    Row row = Expect.ok(db().queryOne("SELECT price, title FROM rq_books WHERE id = ?", 1));
    assertThat(row.getBigDecimal("price")).isEqualByComparingTo("9.50");
    assertThat(Expect.ok(db().queryOne("SELECT price FROM rq_books WHERE id = :id", Map.of("id", 3))).get("price"))
        .isNull();
    Expect.failure(db().queryOne("SELECT * FROM rq_books WHERE id = ?", 99), Status.NOT_FOUND, "ROW_NOT_FOUND");
  }

  @Test
  default void query_errorsAreTranslatedFailures() {
    authorsAndBooks();

    Result.Failure<List<Row>> broken = Expect.failure(db().query("SELEC nonsense"), Status.ERROR);
    assertThat(broken.message()).doesNotContain("\n");
    Expect.failure(db().query("SELECT * FROM rq_nowhere"), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    Expect.failure(db().query(" "), Status.INVALID, "EMPTY_SQL");
    Expect.failure(db().query("SELECT ?", "\uD800"), Status.INVALID, "INVALID_UNICODE");
  }

  /**
   * A query is one statement. PostgreSQL's driver would run every statement of the text, so a COMMIT in it would
   * end a read-only transaction and the DELETE after it would write; such a text is refused before it runs.
   */
  @Test
  default void query_severalStatementsOnPostgres_refusedAndNothingWritten() {
    if (dialect() != Dialect.POSTGRESQL) {
      return; // SQLite's driver runs only the first statement, MariaDB's refuses several by default
    }
    authorsAndBooks();
    long books = Expect.ok(db().queryOne("SELECT COUNT(*) AS n FROM rq_books")).getLong("n");

    Expect.failure(db().readOnlyTransaction(tx -> tx.query("COMMIT; DELETE FROM rq_books RETURNING id")),
        Status.INVALID, "MULTIPLE_STATEMENTS");
    Expect.failure(db().stream("SELECT 1; DELETE FROM rq_books RETURNING id", List.of(), row -> { }),
        Status.INVALID, "MULTIPLE_STATEMENTS");
    Expect.failure(db().query("SELECT 1; SELECT 2"), Status.INVALID, "MULTIPLE_STATEMENTS");

    assertThat(Expect.ok(db().queryOne("SELECT COUNT(*) AS n FROM rq_books")).getLong("n")).isEqualTo(books);
    // one statement with a semicolon in a literal, a comment or at its end is one statement
    assertThat(Expect.ok(db().queryOne("SELECT ';' AS s /* ; */ ;")).getString("s")).isEqualTo(";");
  }

  @Test
  default void stream_handsOutTheColumnsFirst_alsoWhenNoRowComes() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_cols"));
    Expect.ok(db().execute("CREATE TABLE rq_cols (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(20))"));
    List<String> columns = new ArrayList<>();
    long none = Expect.ok(db().stream("SELECT id AS first_col, body AS second_col FROM rq_cols WHERE id > ?",
        List.of(0), columns::addAll, row -> { }));
    assertThat(none).isZero();
    assertThat(columns).containsExactly("first_col", "second_col");

    Expect.ok(db().execute("INSERT INTO rq_cols (id, body) VALUES (1, 'one')"));
    List<String> events = new ArrayList<>();
    long one = Expect.ok(db().readOnlyTransaction(tx -> tx.stream("SELECT body, id FROM rq_cols WHERE id = :id",
        Map.of("id", 1), names -> events.add("columns " + names), row -> events.add("row " + row.getString("body")))));
    assertThat(one).isEqualTo(1);
    assertThat(events).containsExactly("columns [body, id]", "row one");
  }

  @Test
  default void stream_manyRows_handedOutInOrderWithoutLoadingAll() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_many"));
    Expect.ok(db().execute("CREATE TABLE rq_many (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(20))"));
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = 1; i <= 2_345; i++) {
      rows.add(Map.of("id", i, "body", "row " + i));
    }
    assertThat(Expect.ok(db().executeMany("INSERT INTO rq_many (id, body) VALUES (:id, :body)", rows)))
        .isEqualTo(2_345);

    AtomicLong last = new AtomicLong();
    long count = Expect.ok(db().stream("SELECT id, body FROM rq_many WHERE id > ? ORDER BY id", List.of(0), row -> {
      assertThat(row.getLong("id")).isEqualTo(last.get() + 1);
      last.set(row.getLong("id"));
    }));
    long inTransaction = Expect.ok(db().transaction(tx -> tx.stream("SELECT id FROM rq_many WHERE id <= :n",
        Map.of("n", 1000), row -> { })));

    assertThat(count).isEqualTo(2_345);
    assertThat(last.get()).isEqualTo(2_345);
    assertThat(inTransaction).isEqualTo(1000);
    Expect.failure(db().stream("SELECT * FROM rq_many", List.of(), row -> {
      throw new dev.cairn.core.ConflictException("STOP", "stop here");
    }), Status.CONFLICT, "STOP");
  }

  @Test
  default void executeMany_oneBatchAllOrNothing() {
    authorsAndBooks();

    Result<Integer> clash = db().executeMany("INSERT INTO rq_authors (id, name) VALUES (:id, :name)", List.of(
        Map.of("id", 10, "name", "New"), Map.of("id", 1, "name", "Clash")));

    Expect.failure(clash, Status.DUPLICATE, "DUPLICATE_KEY");
    assertThat(Expect.ok(db().rows("rq_authors").count(Filter.all()))).isEqualTo(3L);
    assertThat(Expect.ok(db().executeMany("UPDATE rq_books SET pages = pages + :more WHERE author_id = :author",
        List.of(Map.of("more", 1, "author", 1), Map.of("more", 1, "author", 2))))).isEqualTo(3);
  }

  @Test
  default void executeScript_splitsAtTheRightSemicolons() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_audit"));
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_script"));
    String script = """
        -- a comment; with a semicolon
        CREATE TABLE rq_script (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(100));
        CREATE TABLE rq_audit (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(100));
        /* block; comment */
        INSERT INTO rq_script (id, body) VALUES (1, 'semi; colon and ''quote''');
        """ + trigger() + """
        INSERT INTO rq_script (id, body) VALUES (2, 'two');
        """;

    int statements = Expect.ok(db().executeScript(script));

    assertThat(statements).isEqualTo(dialect() == Dialect.POSTGRESQL ? 6 : 5);
    assertThat(Expect.ok(db().queryOne("SELECT body FROM rq_script WHERE id = 1")).getString("body"))
        .isEqualTo("semi; colon and 'quote'");
    assertThat(Expect.ok(db().queryOne("SELECT note FROM rq_audit WHERE id = 2")).getString("note"))
        .isEqualTo("saw two; fine");
    if (dialect() == Dialect.SQLITE) {
      Expect.ok(db().execute("DROP TRIGGER IF EXISTS rq_after_insert"));
    }
    Expect.ok(db().execute("DROP TABLE rq_script"));
    Expect.ok(db().execute("DROP TABLE rq_audit"));
  }

  /** An insert trigger whose body holds semicolons, written as each dialect writes it. */
  private String trigger() {
    return switch (dialect()) {
      case SQLITE -> """
          CREATE TRIGGER rq_after_insert AFTER INSERT ON rq_script
          BEGIN
            INSERT INTO rq_audit (id, note) VALUES (NEW.id, 'saw ' || NEW.body || '; fine');
            UPDATE rq_audit SET note = CASE WHEN note IS NULL THEN 'none' ELSE note END WHERE id = NEW.id;
          END;
          """;
      case POSTGRESQL -> """
          CREATE OR REPLACE FUNCTION rq_audit_fn() RETURNS trigger AS $body$
          BEGIN
            INSERT INTO rq_audit (id, note) VALUES (NEW.id, 'saw ' || NEW.body || '; fine');
            RETURN NEW;
          END;
          $body$ LANGUAGE plpgsql;
          CREATE TRIGGER rq_after_insert AFTER INSERT ON rq_script FOR EACH ROW EXECUTE FUNCTION rq_audit_fn();
          """;
      case MARIADB, MYSQL -> """
          CREATE TRIGGER rq_after_insert AFTER INSERT ON rq_script FOR EACH ROW
          BEGIN
            IF NEW.id > 0 THEN
              INSERT INTO rq_audit (id, note) VALUES (NEW.id, CONCAT('saw ', NEW.body, '; fine'));
            END IF;
          END;
          """;
    };
  }

  @Test
  default void executeScript_failure_namesTheStatement_andIsAtomicWhereDdlIs() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_half"));

    Result.Failure<Integer> failure = Expect.failure(db().executeScript("""
        CREATE TABLE rq_half (id INTEGER NOT NULL PRIMARY KEY);
        INSERT INTO rq_half (id) VALUES (1);
        INSERT INTO rq_half (id) VALUES (1);
        """), Status.DUPLICATE, "DUPLICATE_KEY");

    assertThat(failure.details()).containsEntry("statement", 3);
    boolean transactionalDdl = dialect() == Dialect.POSTGRESQL || dialect() == Dialect.SQLITE;
    assertThat(Expect.ok(db().schema().tables()).contains("rq_half")).isEqualTo(!transactionalDdl);
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_half"));
    Expect.failure(db().executeScript(" -- nothing\n"), Status.INVALID, "EMPTY_SQL");
  }

  @Test
  default void initializeSchema_appliesAFile() throws Exception {
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_schema_b"));
    Expect.ok(db().execute("DROP TABLE IF EXISTS rq_schema_a"));
    Path file = Files.createTempFile("schema", ".sql");
    try {
      Files.writeString(file, "CREATE TABLE IF NOT EXISTS rq_schema_a (id INTEGER NOT NULL PRIMARY KEY);\n"
          + "CREATE TABLE IF NOT EXISTS rq_schema_b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER);\n");

      assertThat(Expect.ok(db().initializeSchema(file))).isEqualTo(2);
      assertThat(Expect.ok(db().initializeSchema(file))).isEqualTo(2); // idempotent as the file is

      assertThat(Expect.ok(db().schema().tables())).contains("rq_schema_a", "rq_schema_b");
      Expect.failure(db().initializeSchema(file.resolveSibling("no-such-schema.sql")), Status.NOT_FOUND,
          "FILE_NOT_FOUND");
    } finally {
      Files.deleteIfExists(file);
      Expect.ok(db().execute("DROP TABLE IF EXISTS rq_schema_b"));
      Expect.ok(db().execute("DROP TABLE IF EXISTS rq_schema_a"));
    }
  }

  @Test
  default void vacuumAnalyze_runsOutsideATransaction_perTableOrAll() {
    authorsAndBooks();
    Expect.ok(db().execute("DELETE FROM rq_books WHERE id > ?", 1));

    Expect.ok(db().vacuumAnalyze("rq_books"));
    Expect.ok(db().vacuumAnalyze(null));

    Expect.failure(db().vacuumAnalyze("rq_nowhere"), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    assertThat(Expect.ok(db().query("SELECT id FROM rq_books"))).hasSize(1);
  }
}
