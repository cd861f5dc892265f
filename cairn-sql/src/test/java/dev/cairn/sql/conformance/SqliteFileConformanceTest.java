package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.Filter;
import dev.cairn.sql.RetryPolicy;
import dev.cairn.sql.Schema;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Level;
import dev.cairn.sql.conformance.ConformanceModels.Person;
import dev.cairn.sql.conformance.ConformanceModels.User;
import dev.cairn.testkit.internal.Processes;
import dev.cairn.testkit.internal.ServiceResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The suite on a SQLite file under target/, plus SQLite's own concerns: retry when the file is locked, the WAL
 * journal, and tables that another connection creates.
 */
class SqliteFileConformanceTest extends DatabaseConformance {
  private static final Path FILE = ServiceResolver.defaultServicesDirectory().resolveSibling("cairn-sqlite")
      .resolve("conformance-" + UUID.randomUUID() + ".db");

  @Override
  protected String databaseUrl() {
    try {
      Processes.deleteTree(FILE.getParent());
      Files.createDirectories(FILE.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "sqlite:" + FILE;
  }

  @Test
  void insert_lockedFileWithConcurrentWriters_retriedWithoutLossOrError() throws Exception {
    Expect.ok(db().table(User.class).create());
    // A short busy timeout makes writers hit SQLITE_BUSY while the lock is held, so Cairn's retry must cover it.
    var config = config().withConnectTimeout(Duration.ofMillis(100))
        .withRetry(new RetryPolicy(20, Duration.ofMillis(20), Duration.ofMillis(200)));
    int threads = 8;
    int perThread = 20;
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    try (Database first = Database.open(config); Database second = Database.open(config);
        Connection locker = DriverManager.getConnection("jdbc:sqlite:" + FILE);
        ExecutorService executor = Executors.newFixedThreadPool(threads)) {
      try (Statement statement = locker.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        statement.execute("INSERT INTO users (name, email, age) VALUES ('locker', 'locker@x', 0)");
      }
      CountDownLatch started = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        Table<User> users = (t % 2 == 0 ? first : second).table(User.class);
        int thread = t;
        executor.submit(() -> {
          started.countDown();
          for (int i = 0; i < perThread; i++) {
            User user = User.of("w" + thread, "w" + thread + "-" + i + "@x", i);
            Result<?> result = i % 2 == 0 ? users.insert(user)
                : (thread % 2 == 0 ? first : second).transaction(tx -> tx.table(User.class).insert(user));
            if (!result.isOk()) {
              failures.add(result.toString());
            }
          }
        });
      }
      started.await();
      Thread.sleep(400);
      try (Statement statement = locker.createStatement()) {
        statement.execute("COMMIT");
      }
      executor.shutdown();
      assertThat(executor.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }

    assertThat(failures).isEmpty();
    assertThat(Expect.ok(db().table(User.class).count(Filter.none()))).isEqualTo(threads * perThread + 1L);
  }

  @Test
  void transaction_lockHeldPastEveryRetry_conflictRetriesExhaustedAndNothingWritten() throws Exception {
    Expect.ok(db().table(User.class).create());
    var config = config().withConnectTimeout(Duration.ofMillis(50))
        .withRetry(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10)));
    try (Database impatient = Database.open(config);
        Connection locker = DriverManager.getConnection("jdbc:sqlite:" + FILE);
        Statement statement = locker.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        Result<User> result = impatient.transaction(tx -> tx.table(User.class).insert(User.of("A", "a@x", 1)));

        Expect.failure(result, dev.cairn.core.Status.CONFLICT, "RETRIES_EXHAUSTED");
      } finally {
        statement.execute("ROLLBACK");
      }
    }
    assertThat(Expect.ok(db().table(User.class).count(Filter.none()))).isZero();
  }

  @Test
  void open_createsParentDirectoriesAndUsesWal() throws Exception {
    Path nested = FILE.resolveSibling("nested-" + UUID.randomUUID()).resolve("deeper").resolve("app.db");

    try (Database opened = Database.open("sqlite:" + nested)) {
      Expect.ok(opened.schema().tables());
    }

    assertThat(Files.exists(nested)).isTrue();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + nested);
        Statement statement = raw.createStatement();
        var rs = statement.executeQuery("pragma journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void rows_tableCreatedByOthers_seenAfterReintrospection_withForeignKeysAndDefaults() {
    Expect.failure(db().rows("owners").count(Filter.none()), Status.NOT_FOUND);
    executeRaw("create table owners (id integer primary key, name text not null default 'anon')",
        "create table pets (id integer primary key, owner_id integer not null references owners(id))");
    try {
      Expect.failure(db().rows("owners").insert(Map.of()), Status.INVALID, "EMPTY_ROW");
      Map<String, Object> owner = Expect.ok(db().rows("owners").insert(Map.of("id", 7)));
      assertThat(owner.get("name")).isEqualTo("anon");
      var orphan = db().rows("pets").insert(Map.of("owner_id", 99));
      assertThat(((Result.Failure<?>) orphan).code()).isEqualTo("FOREIGN_KEY_VIOLATION");
      Schema.TableInfo pets = Expect.ok(db().schema().table("pets"));
      assertThat(pets.foreignKeys()).singleElement().satisfies(fk -> {
        assertThat(fk.columns()).isEqualTo(List.of("owner_id"));
        assertThat(fk.referencedTable()).isEqualTo("owners");
      });
      Schema.TableInfo owners = Expect.ok(db().schema().table("owners"));
      assertThat(owners.columns().get(1).defaultValue()).contains("anon");
      assertThat(owners.columns().getFirst().autoIncrement()).isFalse();
    } finally {
      executeRaw("drop table if exists pets", "drop table if exists owners");
    }
  }

  @Test
  void update_manySingleRowUpdates_walStaysCheckpointed() throws Exception {
    Table<Person> people = db().table(Person.class);
    Expect.ok(people.create());
    Person stored = Expect.ok(people.insert(new Person(null, "Wal", "wal@example.com", 1, null, null, null, null, null,
        Level.LOW, true, List.of(), null)));
    // Each auto-commit UPDATE ... RETURNING must finish its statement so SQLite runs its automatic checkpoint
    // (at 1000 pages, about 4 MB); a statement closed early left 5000 updates with a ~60 MB log.
    for (int i = 0; i < 5000; i++) {
      Expect.ok(people.update(stored.id(), Map.of("age", i)));
    }
    Path wal = Path.of(FILE + "-wal");
    assertThat(Files.size(wal)).isLessThan(16L * 1024 * 1024);
  }
}
