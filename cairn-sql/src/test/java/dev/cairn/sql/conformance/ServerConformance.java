package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Person;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Behaviour only server databases show, bound next to {@link DatabaseConformance} by the server backends
 * ({@code class PostgresConformanceTest extends DatabaseConformance implements ServerConformance}). SQLite
 * serializes its writers, so they can never deadlock.
 */
public interface ServerConformance extends ConformanceContext {

  @Test
  default void transaction_deadlock_isRetriedAndBothCommit() throws Exception {
    Table<Person> people = db().table(Person.class);
    Expect.ok(people.create());
    Person first = people.insert(Person.of("First", 1)).orElseThrow();
    Person second = people.insert(Person.of("Second", 2)).orElseThrow();
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
    // Two first attempts, and at least one more by the side the server chose as the deadlock victim.
    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(people.count(eq("age", 100)).orElseThrow()).isEqualTo(2L);
  }

  private Result<Person> lockInOrder(Person one, Person other, CountDownLatch bothLocked, AtomicInteger attempts) {
    return db().transaction(tx -> {
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
