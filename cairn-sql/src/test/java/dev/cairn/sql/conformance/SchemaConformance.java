package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Schema;
import dev.cairn.sql.conformance.ConformanceModels.Tag;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link Schema}: tables, columns, types, nullability, defaults, keys, indexes, foreign keys, row counts. */
public interface SchemaConformance extends ConformanceContext {

  private static Schema.ColumnInfo column(Schema.TableInfo table, String name) {
    return table.columns().stream().filter(column -> column.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + table.columns()));
  }

  @Test
  default void tables_created_listedSorted() {
    Expect.ok(db().table(User.class).create());
    Expect.ok(db().table(Tag.class).create());

    List<String> tables = Expect.ok(db().schema().tables());

    assertThat(tables).contains("tags", "users").isSorted();
  }

  @Test
  default void table_fromRecord_describesColumnsKeysIndexesAndRows() {
    Expect.ok(db().table(User.class).create());
    Expect.ok(db().table(User.class).insert(User.of("Ada", "ada@example.com", 36)));
    Expect.ok(db().table(User.class).insert(User.of("Bob", "bob@example.com", 41)));

    Schema.TableInfo users = Expect.ok(db().schema().table("users"));

    assertThat(users.name()).isEqualTo("users");
    assertThat(users.columns()).extracting(Schema.ColumnInfo::name)
        .containsExactly("id", "name", "email", "age", "created_at");
    assertThat(users.primaryKey()).containsExactly("id");
    assertThat(column(users, "id").nullable()).isFalse();
    assertThat(column(users, "id").autoIncrement()).isTrue();
    assertThat(column(users, "age").nullable()).as("primitive int").isFalse();
    assertThat(column(users, "name").nullable()).isTrue();
    assertThat(column(users, "email").jdbcType()).isIn(Types.VARCHAR, Types.NVARCHAR);
    assertThat(column(users, "email").type().toLowerCase(Locale.ROOT)).contains("char");
    assertThat(column(users, "age").jdbcType()).isIn(Types.INTEGER, Types.BIGINT, Types.SMALLINT);
    assertThat(users.indexes()).anySatisfy(index -> {
      assertThat(index.columns()).containsExactly("email");
      assertThat(index.unique()).isTrue();
    });
    assertThat(users.indexes()).anySatisfy(index -> {
      assertThat(index.columns()).containsExactly("age");
      assertThat(index.unique()).isFalse();
    });
    assertThat(users.indexes()).noneSatisfy(index -> assertThat(index.columns()).containsExactly("id"));
    assertThat(users.foreignKeys()).isEmpty();
    assertThat(users.rowCount()).isEqualTo(2);
  }

  @Test
  default void table_rawDdl_describesDefaultsAndForeignKeys() {
    executeRaw("DROP TABLE IF EXISTS raw_children", "DROP TABLE IF EXISTS raw_parents");
    try {
      executeRaw("CREATE TABLE raw_parents (id INTEGER NOT NULL PRIMARY KEY,"
              + " label VARCHAR(40) DEFAULT 'anon' NOT NULL, score INTEGER DEFAULT 7)",
          "CREATE TABLE raw_children (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER,"
              + " CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES raw_parents (id))");

      Schema.TableInfo parents = Expect.ok(db().schema().table("raw_parents"));
      Schema.TableInfo children = Expect.ok(db().schema().table("raw_children"));

      assertThat(column(parents, "label").defaultValue()).contains("anon");
      assertThat(column(parents, "label").nullable()).isFalse();
      assertThat(column(parents, "score").defaultValue()).contains("7");
      assertThat(column(parents, "id").defaultValue()).isNull();
      assertThat(children.foreignKeys()).singleElement().satisfies(key -> {
        assertThat(key.columns()).containsExactly("parent_id");
        assertThat(key.referencedTable()).isEqualTo("raw_parents");
        assertThat(key.referencedColumns()).containsExactly("id");
      });
      assertThat(parents.foreignKeys()).isEmpty();
      assertThat(Expect.ok(db().schema().describeAll())).extracting(Schema.TableInfo::name)
          .contains("raw_children", "raw_parents");
    } finally {
      executeRaw("DROP TABLE IF EXISTS raw_children", "DROP TABLE IF EXISTS raw_parents");
    }
  }

  @Test
  default void table_missing_isTableNotFoundListingTables() {
    Expect.ok(db().table(User.class).create());

    var failure = Expect.failure(db().schema().table("nope"), Status.NOT_FOUND, "TABLE_NOT_FOUND");

    assertThat(failure.message()).contains("nope");
    assertThat(failure.details().toString()).contains("users");
  }

  @Test
  default void describeAll_everyTable_described() {
    Expect.ok(db().table(User.class).create());
    Expect.ok(db().table(Tag.class).create());
    Expect.ok(db().table(Tag.class).insert(new Tag("red", "Red")));

    List<Schema.TableInfo> all = Expect.ok(db().schema().describeAll());

    assertThat(all).extracting(Schema.TableInfo::name).contains("users", "tags");
    assertThat(all).filteredOn(table -> table.name().equals("tags")).singleElement().satisfies(tags -> {
      assertThat(tags.rowCount()).isOne();
      assertThat(tags.primaryKey()).containsExactly("code");
    });
  }
}
