package dev.cairn.sql;

import static dev.cairn.sql.Filter.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviour only server databases show: SQLite serializes its writers, so they can never deadlock. */
abstract class ServerBehaviour extends DatabaseBehaviour {

  @Test
  void transaction_deadlock_isRetriedAndBothCommit() throws Exception {
    Person first = people.insert(person("First", 1)).orElseThrow();
    Person second = people.insert(person("Second", 2)).orElseThrow();
    CountDownLatch bothLocked = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Result<Person>>> results = List.of(
          threads.submit(() -> lockInOrder(first, second, bothLocked, attempts)),
          threads.submit(() -> lockInOrder(second, first, bothLocked, attempts)));
      for (Future<Result<Person>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS).isOk()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(people.count(eq("age", 100)).orElseThrow()).isEqualTo(2L);
  }

  private Result<Person> lockInOrder(Person one, Person other, CountDownLatch bothLocked, AtomicInteger attempts) {
    return db.transaction(tx -> {
      attempts.incrementAndGet();
      Table<Person> table = tx.table(Person.class);
      table.update(one.id(), Map.of("age", 100)).orElseThrow();
      bothLocked.countDown();
      try {
        bothLocked.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return table.update(other.id(), Map.of("age", 100));
    });
  }
}
