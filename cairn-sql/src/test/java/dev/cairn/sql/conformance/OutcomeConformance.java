package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a failure says about whether a write happened: a connection lost before COMMIT is retried, one lost at
 * COMMIT (or while an auto-commit write runs) is UNAVAILABLE and "outcome unknown", never retried; a database
 * that cannot answer in time gives UNAVAILABLE within the configured bounds. Connections are killed from the
 * server side, only those of this suite's own database.
 */
public interface OutcomeConformance extends ConformanceContext {

  private Table<User> users() {
    Table<User> users = db().table(User.class);
    Expect.ok(users.create());
    return users;
  }

  private long userCount() {
    return Expect.ok(db().table(User.class).count(Filter.all()));
  }

  @Test
  default void execute_statementRunsPastTheQueryTimeout_cancelledAndDatabaseStillUsable() {
    String slow = switch (dialect()) {
      case POSTGRESQL -> "select pg_sleep(10)";
      case MARIADB, MYSQL -> "select sleep(10)";
      case SQLITE -> "with recursive n(x) as (select 1 union all select x + 1 from n where x < 100000000)"
          + " select count(*) from n";
    };
    try (Database quick = Database.open(config().withQueryTimeout(Duration.ofSeconds(1)))) {
      Result<Integer> result = quick.execute(slow);

      Expect.failure(result, Status.UNAVAILABLE, "QUERY_TIMEOUT");
      Expect.ok(quick.execute("select 1"));
    }
  }

  @Test
  default void transaction_poolBusyPastTheOperationTimeout_unavailableNamingThePoolState() throws Exception {
    users();
    try (Database single = Database.open(config().withPoolSize(1).withOperationTimeout(Duration.ofSeconds(1)));
        ExecutorService holder = Executors.newSingleThreadExecutor()) {
      Expect.ok(single.table(User.class).create());
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<Result<Void>> held = holder.submit(() -> single.transaction(tx -> {
        holding.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Result.ok(null);
      }));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      try {
        Result<User> waited = single.transaction(tx -> tx.table(User.class).insert(User.of("A", "a@x", 1)));

        Result.Failure<User> failure = Expect.failure(waited, Status.UNAVAILABLE, "DEADLINE_EXCEEDED");
        // The pool's state as HikariCP words it ("... (total=10, active=10, idle=0, waiting=3)"), and the timeout.
        assertThat(failure.message()).contains("within the 1000 ms operation timeout (total=1, active=1, idle=0, "
            + "waiting=");
      } finally {
        release.countDown();
      }
      Expect.ok(held.get(30, TimeUnit.SECONDS));
      assertThat(Expect.ok(single.table(User.class).count(Filter.all()))).isZero();
    }
  }
}
