package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.ge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Health;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Schema;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Transactions, the dynamic {@link Rows} API, the schema and health around {@link Person}, the wide record of
 * {@link WideRecordTableConformance}: the same table seen through every door of a {@link dev.cairn.sql.Database}.
 */
public interface WideRecordSessionConformance extends ConformanceContext {

  private Table<Person> people() {
    Table<Person> people = db().table(Person.class);
    Expect.ok(people.create());
    return people;
  }

  @Test
  default void transaction_failureRollsBack_okCommits_nestedSavepoint() {
    Table<Person> people = people();
    Result<Person> failed = db().transaction(tx -> {
      tx.table(Person.class).insert(Person.of("Tx", 1)).orElseThrow();
      return Result.failure(Status.INVALID, "NOPE", "changed my mind");
    });
    assertThat(failed.status()).isEqualTo(Status.INVALID);
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
    Result<Long> committed = db().transaction(tx -> {
      tx.table(Person.class).insert(Person.of("Outer", 1)).orElseThrow();
      tx.transaction(inner -> {
        inner.table(Person.class).insert(Person.of("Inner", 2)).orElseThrow();
        return Result.failure(Status.CONFLICT, "INNER", "roll back the inner part");
      });
      return tx.table(Person.class).count(Filter.all());
    });
    assertThat(committed.orElseThrow()).isEqualTo(1L);
    assertThat(people.count(Filter.all()).orElseThrow()).isEqualTo(1L);
  }

  @Test
  default void transaction_exceptionRollsBackAndIsRethrown() {
    Table<Person> people = people();
    assertThatThrownBy(() -> db().transaction(tx -> {
      tx.table(Person.class).insert(Person.of("Boom", 1)).orElseThrow();
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
  }

  @Test
  default void readOnlyTransaction_refusesWrites() {
    Table<Person> people = people();
    Result<Person> result = db().readOnlyTransaction(tx -> tx.table(Person.class).insert(Person.of("Ro", 1)));
    assertThat(result.status()).isEqualTo(Status.INVALID);
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
  }

  @Test
  default void rows_unknownTable_listsAvailable_andValuesAreConverted() {
    Table<Person> people = people();
    Result<Long> missing = db().rows("users; DROP TABLE persons").count(Filter.all());
    Result.Failure<Long> failure = (Result.Failure<Long>) missing;
    assertThat(failure.code()).isEqualTo("TABLE_NOT_FOUND");
    assertThat(failure.message()).contains("persons");
    Rows rows = db().rows("persons");
    Map<String, Object> row = new HashMap<>();
    row.put("name", "Dyn");
    row.put("email", "dyn@example.com");
    row.put("age", "36");
    row.put("active", "true");
    row.put("created_at", "2024-01-02T03:04:05Z");
    Map<String, Object> stored = rows.insert(row).orElseThrow();
    assertThat(stored.get("age")).isEqualTo(36L);
    assertThat(stored.get("created_at")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    Result<Map<String, Object>> bad = rows.update(stored.get("id"), Map.of("age", "abc"));
    assertThat(((Result.Failure<?>) bad).code()).isEqualTo("INVALID_VALUE");
    Result<Long> badColumn = rows.count(eq("\"x\"", 1));
    assertThat(((Result.Failure<?>) badColumn).code()).isEqualTo("COLUMN_NOT_FOUND");
    assertThat(rows.query(Query.where(eq("age", "36"))).orElseThrow().items()).hasSize(1);
    assertThat(people.find(stored.get("id")).orElseThrow().name()).isEqualTo("Dyn");
  }

  @Test
  default void insert_missingRequiredValue_invalidBeforeOrByTheDatabase() {
    Table<Person> people = people();
    Result<Map<String, Object>> leftOut = db().rows("persons").insert(Map.of("name", "NoAge"));
    Result.Failure<?> byDatabase = (Result.Failure<?>) leftOut;
    assertThat(byDatabase.code()).isEqualTo("NOT_NULL_VIOLATION");
    assertThat(byDatabase.message()).contains("persons").contains("age");
    Map<String, Object> nullAge = new HashMap<>();
    nullAge.put("age", null);
    Result.Failure<?> byCairn = (Result.Failure<?>) db().rows("persons").insert(nullAge);
    assertThat(byCairn.code()).isEqualTo("NOT_NULL_VIOLATION");
    assertThat(byCairn.message()).contains("persons.age");
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
  }

  @Test
  default void rows_batchUpsertAndDeletes() {
    people();
    Rows rows = db().rows("persons");
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(Map.of("name", "R" + i, "email", "r" + i + "@x", "age", i, "active", i % 2 == 0));
    }
    assertThat(rows.insertAll(batch).orElseThrow()).isEqualTo(5);
    Map<String, Object> first = rows.query(Query.where(eq("name", "R0"))).orElseThrow().items().getFirst();
    Object id = first.get("id");
    assertThat(id).isInstanceOf(Long.class);
    assertThat(first.get("active")).isEqualTo(true);
    Map<String, Object> upserted = rows.upsert(Map.of("id", id, "name", "R0b", "email", "r0@x", "age", 9,
        "active", false)).orElseThrow();
    assertThat(upserted.get("name")).isEqualTo("R0b");
    assertThat(rows.count(Filter.all()).orElseThrow()).isEqualTo(5L);
    assertThat(rows.updateWhere(ge("age", 3), Map.of("name", "old")).orElseThrow()).isEqualTo(3);
    assertThat(rows.delete(id).isOk()).isTrue();
    assertThat(rows.find(id).status()).isEqualTo(Status.NOT_FOUND);
    assertThat(rows.deleteWhere(eq("name", "old")).orElseThrow()).isEqualTo(2);
    assertThat(rows.exists(id).orElseThrow()).isFalse();
  }

  @Test
  default void rows_insideTransaction_joinsIt() {
    Table<Person> people = people();
    Result<Long> result = db().transaction(tx -> {
      tx.rows("persons").insert(Map.of("name", "T", "email", "t@x", "age", 1, "active", true)).orElseThrow();
      tx.setRollbackOnly();
      return tx.rows("persons").count(Filter.all());
    });
    assertThat(result.orElseThrow()).isEqualTo(1L);
    assertThat(people.count(Filter.all()).orElseThrow()).isZero();
  }

  @Test
  default void schema_describesTable() {
    people().insert(Person.of("Ada", 36)).orElseThrow();
    Schema.TableInfo info = db().schema().table("persons").orElseThrow();
    assertThat(info.primaryKey()).containsExactly("id");
    assertThat(info.rowCount()).isEqualTo(1);
    assertThat(info.sizeBytes()).isPositive();
    assertThat(info.columns()).extracting(Schema.ColumnInfo::name).contains("created_at", "email");
    assertThat(info.indexes()).anyMatch(index -> index.unique() && index.columns().equals(List.of("email")));
    assertThat(info.indexes()).anyMatch(index -> !index.unique() && index.columns().equals(List.of("age")));
    assertThat(db().schema().tables().orElseThrow()).contains("persons");
    assertThat(db().schema().table("nope").status()).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  default void health_isUp() {
    Health health = db().health();
    assertThat(health.up()).isTrue();
    assertThat(health.serverVersion()).isNotBlank();
    assertThat(health.dialect()).isEqualTo(db().dialect());
    assertThat(health.url()).isEqualTo(db().url().toString());
    assertThat(health.idleConnections() + health.activeConnections()).isPositive();
  }
}
