package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Schema;
import dev.cairn.sql.Sort;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Whole tables: every row streamed past the page cap ({@link Table#stream}, {@link dev.cairn.sql.Rows#stream}), and
 * table statistics whose figures move with the data ({@link Schema#stats}).
 */
public interface WholeTableConformance extends ConformanceContext {

  @Test
  default void stream_everyRowPastThePageCapOf1000_inKeyOrder_typedAndDynamic() {
    Table<User> users = db().table(User.class);
    Expect.ok(users.create());
    List<User> many = new ArrayList<>();
    for (int i = 0; i < 1000 * 2 + 7; i++) {
      many.add(User.of("U" + i, "u" + i + "@x", i % 90));
    }
    Expect.ok(users.insertAll(many));

    AtomicLong lastId = new AtomicLong();
    long typed = Expect.ok(users.stream(Filter.all(), user -> {
      assertThat(user.id()).isGreaterThan(lastId.get());
      lastId.set(user.id());
    }));
    List<Map<String, Object>> young = new ArrayList<>();
    long dynamic = Expect.ok(db().rows("users").stream(Filter.lt("age", 10), young::add));
    long inTransaction = Expect.ok(db().readOnlyTransaction(tx -> tx.table(User.class).stream(Filter.all(),
        user -> { })));

    assertThat(typed).isEqualTo(many.size());
    assertThat(inTransaction).isEqualTo(many.size());
    assertThat(dynamic).isEqualTo(young.size()).isEqualTo(Expect.ok(users.count(Filter.lt("age", 10))));
    assertThat(young).allSatisfy(row -> assertThat(((Number) row.get("age")).intValue()).isLessThan(10));
    Expect.failure(db().rows("no_such_table").stream(Filter.all(), row -> { }), Status.NOT_FOUND,
        "TABLE_NOT_FOUND");
  }

  @Test
  default void rowsStreamOfAQuery_equalsItsPagesConcatenated_inItsSortOrder() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS sq_items"));
    Expect.ok(db().execute("CREATE TABLE sq_items (id INTEGER NOT NULL PRIMARY KEY, grp VARCHAR(10), n INTEGER)"));
    List<Map<String, ?>> inserted = new ArrayList<>();
    for (int i = 1; i <= 57; i++) {
      inserted.add(Map.of("id", i, "grp", "g" + (i % 4), "n", i % 7));
    }
    Rows rows = db().rows("sq_items");
    Expect.ok(rows.insertAll(inserted));
    // ties on (grp, n) are broken by the key, as the pages do
    Query query = Query.where(Filter.gt("id", 3)).orderBy(List.of(new Sort("grp", false), new Sort("n", true)))
        .page(1, 5);
    List<Map<String, Object>> paged = new ArrayList<>();
    Page<Map<String, Object>> page = Expect.ok(rows.query(query));
    paged.addAll(page.items());
    while (page.next().isPresent()) {
      page = Expect.ok(rows.query(query.after(page.next().get())));
      paged.addAll(page.items());
    }
    List<Map<String, Object>> streamed = new ArrayList<>();
    long count = Expect.ok(rows.stream(query, streamed::add));

    assertThat(paged).hasSize(54);
    assertThat(streamed).isEqualTo(paged);
    assertThat(count).isEqualTo(54);
    Expect.failure(rows.stream(Query.where(Filter.all()).orderBy(List.of(new Sort("nope", false))), row -> { }),
        Status.INVALID, "COLUMN_NOT_FOUND");
  }

  @Test
  default void stats_figuresGrowWithTheData_andAgreeWithTheSchemaSize() {
    Expect.ok(db().execute("DROP TABLE IF EXISTS st_items"));
    Expect.ok(db().execute("CREATE TABLE st_items (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(200))"));
    Expect.ok(db().execute("CREATE INDEX st_items_body ON st_items (body)"));
    Expect.ok(db().vacuumAnalyze("st_items"));
    Schema.TableStats before = Expect.ok(db().schema().stats("st_items"));

    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(Map.of("id", i, "body", i + " " + "x".repeat(150)));
    }
    Expect.ok(db().executeMany("INSERT INTO st_items (id, body) VALUES (:id, :body)", rows));
    Expect.ok(db().vacuumAnalyze("st_items"));
    Schema.TableStats after = Expect.ok(db().schema().stats("st_items"));
    Schema.TableInfo info = Expect.ok(db().schema().table("st_items"));

    assertThat(before.rowCount()).isZero();
    assertThat(after.rowCount()).isEqualTo(3000);
    assertThat(after.estimatedRows()).isBetween(1500L, 4500L);
    assertThat(after.tableBytes()).isGreaterThan(before.tableBytes()).isGreaterThan(3000L * 150);
    assertThat(after.indexBytes()).isGreaterThan(before.indexBytes());
    assertThat(after.totalBytes()).isGreaterThan(before.totalBytes())
        .isGreaterThanOrEqualTo(after.tableBytes() + after.indexBytes() - 65536)
        .isEqualTo(info.sizeBytes());
    if (dialect() == Dialect.POSTGRESQL) {
      assertThat(after.lastVacuum()).isNotNull();
      assertThat(after.lastAnalyze()).isNotNull();
    }
    assertThat(Expect.ok(db().schema().statsAll())).extracting(Schema.TableStats::name).contains("st_items");
    Expect.failure(db().schema().stats("st_nowhere"), Status.NOT_FOUND, "TABLE_NOT_FOUND");
    Expect.ok(db().execute("DROP TABLE st_items"));
  }
}
