package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.gt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Tag;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed tables: create/drop and every CRUD operation of {@link Table}, with their failures. */
public interface TableConformance extends ConformanceContext {

  private Table<User> users() {
    Table<User> users = db().table(User.class);
    Expect.ok(users.create());
    return users;
  }

  private Table<Tag> tags() {
    Table<Tag> tags = db().table(Tag.class);
    Expect.ok(tags.create());
    return tags;
  }

  @Test
  default void create_twice_isIdempotent() {
    Table<User> users = db().table(User.class);

    Expect.ok(users.create());
    Expect.ok(users.create());

    assertThat(users.name()).isEqualTo("users");
    assertThat(Expect.ok(db().schema().tables())).contains("users");
  }

  @Test
  default void drop_twice_removesTableIdempotently() {
    Table<User> users = users();

    Expect.ok(users.drop());
    Expect.ok(users.drop());

    assertThat(Expect.ok(db().schema().tables())).doesNotContain("users");
  }

  @Test
  default void insert_nullKey_generatesDistinctKeys() {
    Table<User> users = users();

    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));
    User bob = Expect.ok(users.insert(User.of("Bob", "bob@example.com", 41)));

    assertThat(ada.id()).isNotNull().isPositive();
    assertThat(bob.id()).isNotNull().isNotEqualTo(ada.id());
    assertThat(Expect.ok(users.find(ada.id()))).isEqualTo(ada);
    assertThat(ada).isEqualTo(new User(ada.id(), "Ada", "ada@example.com", 36, User.CREATED));
  }

  @Test
  default void insert_assignedKeys_kept() {
    Table<User> users = users();
    Table<Tag> tags = tags();

    User stored = Expect.ok(users.insert(new User(500L, "Cy", "cy@example.com", 20, null)));
    Tag tag = Expect.ok(tags.insert(new Tag("red", "Red")));

    assertThat(stored.id()).isEqualTo(500L);
    assertThat(Expect.ok(users.find(500L)).name()).isEqualTo("Cy");
    assertThat(tag).isEqualTo(new Tag("red", "Red"));
    assertThat(Expect.ok(tags.find("red"))).isEqualTo(tag);
  }

  @Test
  default void insertAll_validRows_allStored() {
    Table<User> users = users();

    int inserted = Expect.ok(users.insertAll(List.of(
        User.of("A", "a@x", 1), User.of("B", "b@x", 2), User.of("C", "c@x", 3))));

    assertThat(inserted).isEqualTo(3);
    assertThat(Expect.ok(users.count(Filter.all()))).isEqualTo(3L);
  }

  @Test
  default void insertAll_oneDuplicate_noneStored() {
    Table<User> users = users();

    var result = users.insertAll(List.of(User.of("A", "a@x", 1), User.of("B", "b@x", 2), User.of("A2", "a@x", 3)));

    Expect.failure(result, Status.DUPLICATE, "DUPLICATE_KEY");
    assertThat(Expect.ok(users.count(Filter.all()))).isZero();
  }

  @Test
  default void insertAll_emptyList_insertsNothing() {
    Table<User> users = users();

    assertThat(Expect.ok(users.insertAll(List.of()))).isZero();
  }

  @Test
  default void insert_duplicateUniqueColumn_isDuplicateNamingColumn() {
    Table<User> users = users();
    Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    var failure = Expect.failure(users.insert(User.of("Eve", "ada@example.com", 20)), Status.DUPLICATE,
        "DUPLICATE_KEY");

    assertThat(failure.message() + failure.details()).contains("email");
    assertThat(Expect.ok(users.count(Filter.all()))).isOne();
  }

  @Test
  default void insert_duplicatePrimaryKey_isDuplicate() {
    Table<Tag> tags = tags();
    Expect.ok(tags.insert(new Tag("red", "Red")));

    Expect.failure(tags.insert(new Tag("red", "Other")), Status.DUPLICATE, "DUPLICATE_KEY");

    assertThat(Expect.ok(tags.find("red")).label()).isEqualTo("Red");
  }

  @Test
  default void insert_nullIntoNotNullColumn_isNotNullViolation() {
    Table<Tag> tags = tags();

    var failure = Expect.failure(tags.insert(new Tag("red", null)), Status.INVALID, "NOT_NULL_VIOLATION");

    assertThat(failure.message()).contains("tags").contains("label");

    assertThat(Expect.ok(tags.exists("red"))).isFalse();
  }

  @Test
  default void insert_tableNotCreated_isTableNotFound() {
    Table<User> users = db().table(User.class);

    Expect.failure(users.insert(User.of("Ada", "ada@example.com", 36)), Status.NOT_FOUND, "TABLE_NOT_FOUND");
  }

  @Test
  default void upsert_newKey_inserts() {
    Table<Tag> tags = tags();

    assertThat(Expect.ok(tags.upsert(new Tag("red", "Red")))).isEqualTo(new Tag("red", "Red"));

    assertThat(Expect.ok(tags.find("red"))).isEqualTo(new Tag("red", "Red"));
  }

  @Test
  default void upsert_existingKey_replacesColumns() {
    Table<Tag> tags = tags();
    Expect.ok(tags.insert(new Tag("red", "Red")));

    assertThat(Expect.ok(tags.upsert(new Tag("red", "Crimson")))).isEqualTo(new Tag("red", "Crimson"));

    assertThat(Expect.ok(tags.find("red")).label()).isEqualTo("Crimson");
    assertThat(Expect.ok(tags.count(Filter.all()))).isOne();
  }

  @Test
  default void find_missingKey_isRowNotFound() {
    Table<User> users = users();

    var failure = Expect.failure(users.find(12345L), Status.NOT_FOUND, "ROW_NOT_FOUND");

    assertThat(failure.message()).contains("users");
  }

  @Test
  default void exists_presentAndMissing_trueAndFalse() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    assertThat(Expect.ok(users.exists(ada.id()))).isTrue();
    assertThat(Expect.ok(users.exists(ada.id() + 1000))).isFalse();
  }

  @Test
  default void count_filter_countsMatchingRows() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20), User.of("C", "c@x", 30))));

    assertThat(Expect.ok(users.count(gt("age", 15)))).isEqualTo(2L);
    assertThat(Expect.ok(users.count(Filter.all()))).isEqualTo(3L);
    assertThat(Expect.ok(users.count(Filter.all()))).isEqualTo(3L);
  }

  @Test
  default void update_byId_changesOnlyGivenColumns() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    User updated = Expect.ok(users.update(ada.id(), Map.of("age", 37)));

    assertThat(updated).isEqualTo(new User(ada.id(), "Ada", "ada@example.com", 37, ada.createdAt()));
    assertThat(Expect.ok(users.find(ada.id()))).isEqualTo(updated);
  }

  @Test
  default void update_byComponentName_accepted() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));
    java.time.Instant later = ada.createdAt().plusSeconds(60);

    Expect.ok(users.update(ada.id(), Map.of("createdAt", later)));

    assertThat(Expect.ok(users.find(ada.id())).createdAt()).isEqualTo(later);
  }

  @Test
  default void update_missingId_isRowNotFound() {
    Table<User> users = users();

    Expect.failure(users.update(999L, Map.of("age", 1)), Status.NOT_FOUND, "ROW_NOT_FOUND");
  }

  @Test
  default void update_unknownColumn_isColumnNotFound() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    Expect.failure(users.update(ada.id(), Map.of("nickname", "A")), Status.INVALID, "COLUMN_NOT_FOUND");

    assertThat(Expect.ok(users.find(ada.id()))).isEqualTo(ada);
  }

  @Test
  default void update_primaryKey_isInvalid() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    Expect.failure(users.update(ada.id(), Map.of("id", ada.id() + 1)), Status.INVALID);

    assertThat(Expect.ok(users.find(ada.id()))).isEqualTo(ada);
  }

  @Test
  default void update_toDuplicateUniqueValue_isDuplicate() {
    Table<User> users = users();
    Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));
    User bob = Expect.ok(users.insert(User.of("Bob", "bob@example.com", 41)));

    Expect.failure(users.update(bob.id(), Map.of("email", "ada@example.com")), Status.DUPLICATE, "DUPLICATE_KEY");

    assertThat(Expect.ok(users.find(bob.id())).email()).isEqualTo("bob@example.com");
  }

  @Test
  default void updateCount_byId_changesOnlyGivenColumnsAndCountsTheRow() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));
    User bob = Expect.ok(users.insert(User.of("Bob", "bob@example.com", 41)));

    assertThat(Expect.ok(users.updateCount(ada.id(), Map.of("age", 37, "name", "Ada L.")))).isOne();

    assertThat(Expect.ok(users.find(ada.id())))
        .isEqualTo(new User(ada.id(), "Ada L.", "ada@example.com", 37, ada.createdAt()));
    assertThat(Expect.ok(users.find(bob.id()))).isEqualTo(bob);
  }

  @Test
  default void updateCount_sameValues_countsTheRowFound() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    // Rows found, not rows whose values differ (MariaDB's affected-rows count would say 0 here).
    assertThat(Expect.ok(users.updateCount(ada.id(), Map.of("age", 36)))).isOne();
  }

  @Test
  default void updateCount_missingId_isZeroNotAFailure() {
    Table<User> users = users();

    assertThat(Expect.ok(users.updateCount(999L, Map.of("age", 1)))).isZero();
  }

  @Test
  default void updateCount_failures_asUpdateAndNothingChanged() {
    Table<User> users = users();
    Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));
    User bob = Expect.ok(users.insert(User.of("Bob", "bob@example.com", 41)));

    Expect.failure(users.updateCount(bob.id(), Map.of("email", "ada@example.com")), Status.DUPLICATE,
        "DUPLICATE_KEY");
    Expect.failure(users.updateCount(bob.id(), Map.of("nickname", "B")), Status.INVALID, "COLUMN_NOT_FOUND");
    Expect.failure(users.updateCount(bob.id(), Map.of("id", bob.id() + 1)), Status.INVALID);
    Expect.failure(users.updateCount(bob.id(), java.util.Collections.singletonMap("age", null)), Status.INVALID, "NOT_NULL_VIOLATION");
    Expect.failure(users.updateCount(bob.id(), Map.of()), Status.INVALID, "NO_CHANGES");

    assertThat(Expect.ok(users.find(bob.id()))).isEqualTo(bob);
  }

  @Test
  default void updateCount_insideTransaction_rolledBackWithIt() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    dev.cairn.core.Result<Integer> result = db().transaction(tx -> {
      assertThat(Expect.ok(tx.table(User.class).updateCount(ada.id(), Map.of("age", 99)))).isOne();
      assertThat(Expect.ok(tx.table(User.class).find(ada.id())).age()).isEqualTo(99);
      return dev.cairn.core.Result.failure(Status.CONFLICT, "CHANGED_MY_MIND", "the caller rolls back");
    });

    Expect.failure(result, Status.CONFLICT, "CHANGED_MY_MIND");
    assertThat(Expect.ok(users.find(ada.id()))).isEqualTo(ada);
  }

  @Test
  default void update_record_writesEveryColumn() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));
    User changed = new User(ada.id(), "Ada L.", "lovelace@example.com", 37, null);

    assertThat(Expect.ok(users.update(changed))).isEqualTo(changed);

    assertThat(Expect.ok(users.find(ada.id()))).isEqualTo(changed);
  }

  @Test
  default void update_recordWithMissingKey_isRowNotFound() {
    Table<User> users = users();

    Expect.failure(users.update(new User(77L, "Nobody", "n@x", 1, null)), Status.NOT_FOUND, "ROW_NOT_FOUND");

    assertThat(Expect.ok(users.count(Filter.all()))).isZero();
  }

  @Test
  default void updateWhere_filter_changesMatchingRowsOnly() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20), User.of("C", "c@x", 30))));

    assertThat(Expect.ok(users.updateWhere(gt("age", 15), Map.of("name", "old")))).isEqualTo(2);

    assertThat(Expect.ok(users.count(eq("name", "old")))).isEqualTo(2L);
    assertThat(Expect.ok(users.count(eq("name", "A")))).isOne();
  }

  @Test
  default void updateWhere_emptyFilter_refusedAndNothingChanged() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20))));

    Expect.failure(users.updateWhere(Filter.and(), Map.of("age", 0)), Status.INVALID, "FILTER_REQUIRED");
    Expect.failure(users.updateWhere(Filter.and(), Map.of("age", 0)), Status.INVALID, "FILTER_REQUIRED");

    assertThat(Expect.ok(users.count(eq("age", 0)))).isZero();
  }

  @Test
  default void updateWhere_all_changesEveryRow() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20))));

    assertThat(Expect.ok(users.updateWhere(Filter.all(), Map.of("age", 0)))).isEqualTo(2);

    assertThat(Expect.ok(users.count(eq("age", 0)))).isEqualTo(2L);
  }

  @Test
  default void delete_existingRow_removesIt() {
    Table<User> users = users();
    User ada = Expect.ok(users.insert(User.of("Ada", "ada@example.com", 36)));

    Expect.ok(users.delete(ada.id()));

    Expect.failure(users.find(ada.id()), Status.NOT_FOUND, "ROW_NOT_FOUND");
  }

  @Test
  default void delete_missingRow_isRowNotFound() {
    Table<User> users = users();

    Expect.failure(users.delete(4242L), Status.NOT_FOUND, "ROW_NOT_FOUND");
  }

  @Test
  default void deleteWhere_filter_deletesMatchingRowsOnly() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20), User.of("C", "c@x", 30))));

    assertThat(Expect.ok(users.deleteWhere(gt("age", 15)))).isEqualTo(2);

    assertThat(Expect.ok(users.count(Filter.all()))).isOne();
  }

  @Test
  default void deleteWhere_emptyFilter_refusedAndNothingDeleted() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20))));

    Expect.failure(users.deleteWhere(Filter.and()), Status.INVALID, "FILTER_REQUIRED");

    assertThat(Expect.ok(users.count(Filter.all()))).isEqualTo(2L);
  }

  @Test
  default void deleteWhere_all_deletesEveryRow() {
    Table<User> users = users();
    Expect.ok(users.insertAll(List.of(User.of("A", "a@x", 10), User.of("B", "b@x", 20))));

    assertThat(Expect.ok(users.deleteWhere(Filter.all()))).isEqualTo(2);

    assertThat(Expect.ok(users.count(Filter.all()))).isZero();
  }

  @Test
  default void insert_concurrentWriters_noRowLost() throws Exception {
    Table<User> users = users();
    int threads = 8;
    int perThread = 25;
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();

    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        executor.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            var result = users.insert(User.of("w" + thread, "w" + thread + "-" + i + "@x", i));
            if (!result.isOk()) {
              failures.add(result.toString());
            }
          }
        });
      }
    }

    assertThat(failures).isEmpty();
    assertThat(Expect.ok(users.count(Filter.all()))).isEqualTo((long) threads * perThread);
  }
}
