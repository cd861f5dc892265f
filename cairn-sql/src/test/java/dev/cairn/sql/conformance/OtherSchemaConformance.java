package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Query;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tables and views of another PostgreSQL schema or MariaDB database, as {@code rows("schema.table")}: listed,
 * read, written; views there read-only. Bound by the server backends next to {@link ServerConformance} (SQLite
 * has no schemas; its attached databases are not covered).
 */
public interface OtherSchemaConformance extends ConformanceContext {

  @Test
  default void otherSchema_tablesListedReadWritten_viewsReadOnly() {
    String schema = Expect.ok(db().queryOne(dialect() == Dialect.POSTGRESQL ? "SELECT current_database() AS db"
        : "SELECT DATABASE() AS db")).getString("db") + "_other";
    String create = dialect() == Dialect.POSTGRESQL ? "CREATE SCHEMA " : "CREATE DATABASE ";
    String drop = dialect() == Dialect.POSTGRESQL ? "DROP SCHEMA IF EXISTS " + schema + " CASCADE"
        : "DROP DATABASE IF EXISTS " + schema;
    Expect.ok(db().execute(drop));
    Expect.ok(db().execute(create + schema));
    try {
      Expect.ok(db().execute("CREATE TABLE " + schema + ".items (id INTEGER NOT NULL PRIMARY KEY,"
          + " label VARCHAR(40) NOT NULL)"));
      Expect.ok(db().execute("CREATE VIEW " + schema + ".big_items AS SELECT id, label FROM " + schema
          + ".items WHERE id > 10"));

      assertThat(Expect.ok(db().schema().tables(schema))).containsExactly("items");
      assertThat(Expect.ok(db().schema().tables())).doesNotContain("items");
      var described = Expect.ok(db().schema().table(schema + ".items"));
      assertThat(described.columns()).extracting(dev.cairn.sql.Schema.ColumnInfo::name).containsExactly("id", "label");
      assertThat(described.primaryKey()).containsExactly("id");
      var items = db().rows(schema + ".items");
      Expect.ok(items.insert(Map.of("id", 1, "label", "one")));
      Expect.ok(items.insert(Map.of("id", 11, "label", "eleven")));
      assertThat(Expect.ok(items.find(11)).get("label")).isEqualTo("eleven");
      assertThat(Expect.ok(items.update(1, Map.of("label", "uno"))).get("label")).isEqualTo("uno");
      Expect.failure(items.insert(Map.of("id", 1, "label", "again")), Status.DUPLICATE, "DUPLICATE_KEY");
      assertThat(Expect.ok(items.query(Query.all())).items()).hasSize(2);

      assertThat(Expect.ok(db().schema().table(schema + ".items")).rowCount()).isEqualTo(2);
      assertThat(Expect.ok(db().schema().table(schema + ".big_items")).rowCount()).isEqualTo(1);
      var view = db().rows(schema + ".big_items");
      assertThat(Expect.ok(view.count(Filter.all()))).isEqualTo(1L);
      Expect.failure(view.deleteWhere(Filter.all()), Status.INVALID, "VIEW_READ_ONLY");
      Expect.failure(db().rows(schema + ".nothing").count(Filter.all()), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    } finally {
      Expect.ok(db().execute(drop));
    }
  }
}
