package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.ConflictException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link dev.cairn.sql.Session#transaction}: commit, rollback on failure and exception, savepoints, read-only. */
public interface TransactionConformance extends ConformanceContext {

  private Table<User> users() {
    Table<User> users = db().table(User.class);
    Expect.ok(users.create());
    return users;
  }

  private long userCount() {
    return Expect.ok(db().table(User.class).count(Filter.all()));
  }

  @Test
  default void transaction_ok_commitsEveryWrite() {
    users();

    Result<Long> result = db().transaction(tx -> {
      Table<User> users = tx.table(User.class);
      Expect.ok(users.insert(User.of("A", "a@x", 1)));
      Expect.ok(users.insert(User.of("B", "b@x", 2)));
      return users.count(Filter.all());
    });

    assertThat(Expect.ok(result)).isEqualTo(2L);
    assertThat(userCount()).isEqualTo(2L);
  }

  @Test
  default void transaction_returnsFailure_rollsBackAndReturnsIt() {
    users();

    Result<User> result = db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      Expect.ok(tx.rows("users").insert(Map.of("name", "B", "email", "b@x", "age", 2)));
      return Result.failure(Status.CONFLICT, "CHANGED_MY_MIND", "the caller rolls back");
    });

    Expect.failure(result, Status.CONFLICT, "CHANGED_MY_MIND");
    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_failedWriteInside_rollsBackEarlierWrites() {
    users();

    Result<User> result = db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      return tx.table(User.class).insert(User.of("B", "a@x", 2));
    });

    Expect.failure(result, Status.DUPLICATE, "DUPLICATE_KEY");
    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_throwsCairnException_rollsBackAndReturnsMatchingFailure() {
    users();

    Result<Void> result = db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      throw new ConflictException("LOST_RACE", "someone else won");
    });

    Expect.failure(result, Status.CONFLICT, "LOST_RACE");
    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_throwsOtherException_rethrownAfterRollback() {
    users();

    assertThatThrownBy(() -> db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      throw new IllegalStateException("bug in the work function");
    })).isInstanceOf(IllegalStateException.class).hasMessage("bug in the work function");

    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_nestedFailure_rollsBackToSavepointOnly() {
    users();

    Result<Long> result = db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("Outer", "outer@x", 1)));
      Result<User> inner = tx.transaction(nested -> {
        Expect.ok(nested.table(User.class).insert(User.of("Inner", "inner@x", 2)));
        return Result.failure(Status.INVALID, "INNER_REFUSED", "inner work refused");
      });
      Expect.failure(inner, Status.INVALID, "INNER_REFUSED");
      return tx.table(User.class).count(Filter.all());
    });

    assertThat(Expect.ok(result)).isOne();
    assertThat(Expect.ok(db().table(User.class).count(Filter.eq("name", "Outer")))).isOne();
    assertThat(userCount()).isOne();
  }

  @Test
  default void transaction_nestedDatabaseError_outerContinuesAndCommits() {
    users();

    Result<User> result = db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      // On PostgreSQL a failed statement poisons the transaction unless the savepoint is rolled back.
      Expect.failure(tx.transaction(nested -> nested.table(User.class).insert(User.of("Dup", "a@x", 2))),
          Status.DUPLICATE, "DUPLICATE_KEY");
      return tx.table(User.class).insert(User.of("B", "b@x", 3));
    });

    Expect.ok(result);
    assertThat(userCount()).isEqualTo(2L);
  }

  @Test
  default void transaction_nestedOkOuterFailure_rollsBackBoth() {
    users();

    Result<Void> result = db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("Outer", "outer@x", 1)));
      Expect.ok(tx.transaction(nested -> nested.table(User.class).insert(User.of("Inner", "inner@x", 2))));
      return Result.failure(Status.CONFLICT, "OUTER_REFUSED", "outer work refused");
    });

    Expect.failure(result, Status.CONFLICT, "OUTER_REFUSED");
    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_setRollbackOnly_rollsBackDespiteOk() {
    users();

    db().transaction(tx -> {
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      tx.setRollbackOnly();
      return Result.ok(null);
    });

    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_deadlock_retriedAndBothCommit() throws Exception {
    Table<User> users = users();
    long first = Expect.ok(users.insert(User.of("A", "a@x", 0))).id();
    long second = Expect.ok(users.insert(User.of("B", "b@x", 0))).id();
    CountDownLatch bothLocked = new CountDownLatch(2);

    List<Future<Result<User>>> results = new ArrayList<>();
    try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
      results.add(executor.submit(() -> crossUpdate(first, second, 1, bothLocked)));
      results.add(executor.submit(() -> crossUpdate(second, first, 2, bothLocked)));
    }

    for (Future<Result<User>> result : results) {
      Expect.ok(result.get());
    }
    assertThat(Expect.ok(users.count(Filter.eq("age", 0)))).isZero();
  }

  /**
   * Locks one row, waits (once, bounded) until the other thread holds the other row, then updates it: the classic
   * deadlock, which PostgreSQL (40P01) and MariaDB (1213) break by failing one side, which Cairn must retry. On
   * SQLite the second writer just waits for the first.
   */
  private Result<User> crossUpdate(long lockFirst, long lockSecond, int age, CountDownLatch bothLocked) {
    return db().transaction(tx -> tx.table(User.class).update(lockFirst, Map.of("age", age)).flatMap(locked -> {
      bothLocked.countDown();
      try {
        bothLocked.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the other writer", e);
      }
      return tx.table(User.class).update(lockSecond, Map.of("age", age));
    }));
  }

  @Test
  default void readOnlyTransaction_reads_ok() {
    Table<User> users = users();
    Expect.ok(users.insert(User.of("A", "a@x", 1)));

    Result<Long> result = db().readOnlyTransaction(tx -> {
      assertThat(tx.isReadOnly()).isTrue();
      return tx.table(User.class).count(Filter.all());
    });

    assertThat(Expect.ok(result)).isOne();
  }

  @Test
  default void readOnlyTransaction_write_failsAndChangesNothing() {
    users();

    Result<User> result = db().readOnlyTransaction(tx -> tx.table(User.class).insert(User.of("A", "a@x", 1)));

    assertThat(result.isOk()).as("write in a read-only transaction: %s", result).isFalse();
    assertThat(userCount()).isZero();
  }

  @Test
  default void transaction_ordinary_isNotReadOnly() {
    users();

    Result<Boolean> result = db().transaction(tx -> Result.ok(tx.isReadOnly()));

    assertThat(Expect.ok(result)).isFalse();
  }
}
