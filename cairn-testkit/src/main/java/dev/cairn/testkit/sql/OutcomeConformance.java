package dev.cairn.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Table;
import dev.cairn.testkit.sql.ConformanceModels.User;
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
    return Expect.ok(db().table(User.class).count(Filter.none()));
  }

  private void assumeServer() {
    assumeTrue(dialect() != Dialect.SQLITE, "SQLite has no server connection to lose");
  }

  @Test
  default void transaction_connectionKilledBeforeCommit_retriedOnAFreshConnection() {
    assumeServer();
    users();
    AtomicInteger attempts = new AtomicInteger();
    long[] sessions = new long[2];

    Result<User> result = db().transaction(tx -> {
      int attempt = attempts.incrementAndGet();
      Expect.ok(tx.table(User.class).insert(User.of("A", "a@x", 1)));
      sessions[attempt - 1] = ServerSessions.openTransaction(config().url());
      if (attempt == 1) {
        ServerSessions.kill(config().url(), sessions[0]);
      }
      return tx.table(User.class).insert(User.of("B", "b@x", 2));
    });

    Expect.ok(result);
    assertThat(attempts).hasValue(2);
    assertThat(sessions[1]).as("the retry's session").isNotEqualTo(sessions[0]);
    assertThat(userCount()).isEqualTo(2L);
  }

  @Test
  default void transaction_connectionKilledAtCommit_outcomeUnknownAndNotRetried() {
    assumeServer();
    Table<User> users = users();
    AtomicInteger attempts = new AtomicInteger();

    Result<User> result = db().transaction(tx -> {
      attempts.incrementAndGet();
      Result<User> inserted = tx.table(User.class).insert(User.of("A", "a@x", 1));
      // The COMMIT that follows finds its connection gone: the client cannot tell this from a connection lost
      // while the COMMIT was on its way, after which the write may or may not be in the database.
      ServerSessions.kill(config().url(), ServerSessions.openTransaction(config().url()));
      return inserted;
    });

    Expect.failure(result, Status.UNAVAILABLE, "COMMIT_OUTCOME_UNKNOWN");
    assertThat(attempts).as("an unknown outcome is never retried").hasValue(1);
    Expect.ok(users.insert(User.of("B", "b@x", 2)));
  }

  @Test
  default void insert_connectionKilledWhileTheStatementRuns_outcomeUnknownAndNotRetried() throws Exception {
    assumeServer();
    Table<User> users = users();
    boolean postgres = dialect() == Dialect.POSTGRESQL;
    if (postgres) {
      executeRaw("create or replace function cairn_slow_insert() returns trigger language plpgsql"
              + " as $$ begin perform pg_sleep(2); return new; end $$",
          "create trigger users_slow before insert on users for each row execute function cairn_slow_insert()");
    } else {
      executeRaw("create trigger users_slow before insert on users for each row set @cairn_slept = sleep(2)");
    }
    Result<User> result;
    try (ExecutorService killer = Executors.newSingleThreadExecutor()) {
      Future<?> killed = killer.submit(() -> {
        String statement = postgres ? "insert into%" : "%sleep(2)%";
        ServerSessions.kill(config().url(), ServerSessions.running(config().url(), statement));
        return null;
      });

      result = users.insert(User.of("A", "a@x", 1));
      killed.get(30, TimeUnit.SECONDS);
    }

    Expect.failure(result, Status.UNAVAILABLE, "OUTCOME_UNKNOWN");
    // A retry would have stored the row (the killer strikes once); the killed statement itself rolled back.
    assertThat(userCount()).isZero();
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
        assertThat(failure.message()).contains("active=1", "idle=0", "waiting=");
      } finally {
        release.countDown();
      }
      Expect.ok(held.get(30, TimeUnit.SECONDS));
      assertThat(Expect.ok(single.table(User.class).count(Filter.none()))).isZero();
    }
  }
}
