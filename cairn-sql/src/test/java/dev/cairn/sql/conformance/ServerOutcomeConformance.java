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
 * The server half of {@link OutcomeConformance}: connections killed from the server side (only those of this
 * suite's own database) before COMMIT, at COMMIT and while an auto-commit write runs. Bound by the server backends
 * only, since SQLite has no server connection to lose.
 */
public interface ServerOutcomeConformance extends ConformanceContext {

  private Table<User> users() {
    Table<User> users = db().table(User.class);
    Expect.ok(users.create());
    return users;
  }

  private long userCount() {
    return Expect.ok(db().table(User.class).count(Filter.all()));
  }

  @Test
  default void transaction_connectionKilledBeforeCommit_retriedOnAFreshConnection() {
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

}
