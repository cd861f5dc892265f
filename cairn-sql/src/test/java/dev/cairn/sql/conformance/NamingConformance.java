package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Status;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.Database;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Query;
import dev.cairn.sql.Schema;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Box;
import dev.cairn.sql.conformance.ConformanceModels.Category;
import dev.cairn.sql.conformance.ConformanceModels.Counter;
import dev.cairn.sql.conformance.ConformanceModels.OrderLine;
import dev.cairn.sql.conformance.ConformanceModels.TypedValues;
import dev.cairn.sql.conformance.ConformanceModels.User;
import dev.cairn.testkit.TestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table and column naming from records, primitive keys, JSON-forced columns, and opening failures. */
public interface NamingConformance extends ConformanceContext {

  @Test
  default void table_defaultNames_snakeCasePlural() {
    assertThat(db().table(User.class).name()).isEqualTo("users");
    assertThat(db().table(OrderLine.class).name()).isEqualTo("order_lines");
    assertThat(db().table(Category.class).name()).isEqualTo("categories");
    assertThat(db().table(Box.class).name()).isEqualTo("boxes");
    assertThat(db().table(TypedValues.class).name()).isEqualTo("typed_values");
  }

  @Test
  default void insert_primitiveZeroKeyAndRenamedColumn_generatedAndStoredUnderColumnName() {
    Table<Counter> counters = db().table(Counter.class);
    Expect.ok(counters.create());

    Counter first = Expect.ok(counters.insert(new Counter(0, "a", "{\"not\": \"parsed\"}")));
    Counter second = Expect.ok(counters.insert(new Counter(0, "b", null)));

    assertThat(first.id()).isNotZero().isNotEqualTo(second.id());
    assertThat(Expect.ok(counters.find(first.id()))).isEqualTo(first);
    assertThat(first.raw()).isEqualTo("{\"not\": \"parsed\"}");
    Schema.TableInfo info = Expect.ok(db().schema().table("counters"));
    assertThat(info.columns()).extracting(Schema.ColumnInfo::name).containsExactly("id", "label_text", "raw");
    assertThat(Expect.ok(counters.count(Filter.eq("label_text", "a")))).isOne();
    assertThat(Expect.ok(counters.count(Filter.eq("label", "a")))).as("component name accepted").isOne();
    assertThat(Expect.ok(db().rows("counters").find(second.id()))).containsEntry("label_text", "b");
  }

  @Test
  default void rows_tableWithoutPrimaryKey_filterOperationsWork() {
    executeRaw("DROP TABLE IF EXISTS raw_events", "CREATE TABLE raw_events (kind VARCHAR(20), amount INTEGER)");
    try {
      var events = db().rows("raw_events");
      Expect.ok(events.insert(Map.of("kind", "a", "amount", 1)));
      Expect.ok(events.insert(Map.of("kind", "b", "amount", 2)));

      assertThat(Expect.ok(events.count(Filter.all()))).isEqualTo(2L);
      assertThat(Expect.ok(events.updateWhere(Filter.eq("kind", "a"), Map.of("amount", 10)))).isOne();
      assertThat(Expect.ok(events.query(Query.where(Filter.gt("amount", 5)))).items())
          .singleElement().satisfies(row -> assertThat(row).containsEntry("kind", "a").containsEntry("amount", 10L));
      assertThat(Expect.ok(events.deleteWhere(Filter.eq("kind", "b")))).isOne();
      assertThat(Expect.ok(db().schema().table("raw_events")).primaryKey()).isEmpty();
    } finally {
      executeRaw("DROP TABLE IF EXISTS raw_events");
    }
  }

  @Test
  default void open_malformedUrl_invalidWithPasswordMasked() {
    assertThatThrownBy(() -> Database.open("postgresql://app:hunter2secret@:5432/db"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(error -> assertThat(((CairnException) error).status()).isEqualTo(Status.INVALID))
        .message().doesNotContain("hunter2secret");
  }

  @Test
  default void open_unreachableServer_unavailableNamingHostNotPassword() {
    int closed = TestSupport.freePort();
    String scheme = dialect() == dev.cairn.sql.Dialect.POSTGRESQL || dialect() == dev.cairn.sql.Dialect.SQLITE
        ? "postgresql" : "mariadb";

    assertThatThrownBy(() -> Database.open(scheme + "://app:hunter2secret@127.0.0.1:" + closed + "/db").close())
        .isInstanceOf(UnavailableException.class)
        .message().contains("127.0.0.1").doesNotContain("hunter2secret").doesNotContain("\n");
  }
}
