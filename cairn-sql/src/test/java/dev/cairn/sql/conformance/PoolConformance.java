package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.PoolSettings;
import dev.cairn.sql.Row;
import dev.cairn.sql.Session;
import dev.cairn.sql.Transaction;
import dev.cairn.sql.internal.PoolProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@link PoolSettings} (and {@link DatabaseConfig#poolSize()}), set by {@link DatabaseConfig#withPool}, by URL
 * option and by environment variable, each read back from the running HikariCP pools or observed in effect.
 *
 * <p>What the settings mean per dialect (the pools a {@link Database} runs):
 * <ul>
 *   <li>PostgreSQL, MariaDB/MySQL and plugged-in JDBC backends (H2): one pool for reads and writes, at most
 *       {@code poolSize + maxOverflow} connections; recycle ({@code maxLifetime}) and pre-ping
 *       ({@code keepaliveTime}) apply to it.
 *   <li>A SQLite file: a writer pool of always exactly one connection (SQLite has one writer; overflow does not
 *       widen it) and a read pool of {@code poolSize + maxOverflow} {@code query_only} connections; recycle and
 *       pre-ping apply to both pools, and so does the pool timeout.
 *   <li>{@code sqlite::memory:}: one connection for reads and writes whatever the pool size and overflow say
 *       (the database lives in it and its keeper); it is never recycled (a recycle setting is accepted and
 *       ignored), pre-ping and the pool timeout apply.
 * </ul>
 * Everywhere the pool timeout ends a wait for a connection with UNAVAILABLE {@code POOL_TIMEOUT} (nothing
 * written), and echo logs each statement at DEBUG on {@code dev.cairn.sql.echo} with literals masked and bound
 * values left out (the echo test captures the log through logback-classic, which a consumer of the test jar needs
 * on its test class path for that test). Invalid values are refused with a one-line INVALID {@code INVALID_OPTION} naming the setting.
 */
public interface PoolConformance extends ConformanceContext {

  /** How long the tests wait for helper threads: a bound against hanging, not a timing assertion. */
  long PATIENCE_SECONDS = 60;

  private boolean onSqliteFile() {
    return config().url().kind() == StoreUrl.Kind.SQLITE && !config().url().isSqliteMemory();
  }

  /** The most connections reads may hold at once (see the class comment). */
  private int readMaximum(int poolSize, int maxOverflow) {
    return config().url().isSqliteMemory() ? 1 : poolSize + maxOverflow;
  }

  /** The most connections writes may hold at once (see the class comment). */
  private int writeMaximum(int poolSize, int maxOverflow) {
    return config().url().kind() == StoreUrl.Kind.SQLITE ? 1 : poolSize + maxOverflow;
  }

  /** The pool reads borrow from: the last one (the read pool on a SQLite file, else the only one). */
  private static HikariDataSource readPool(Database db) {
    return PoolProbe.pools(db).getLast();
  }

  /** The pool writes borrow from: the first one (the writer on a SQLite file, else the only one). */
  private static HikariDataSource writePool(Database db) {
    return PoolProbe.pools(db).getFirst();
  }

  /** {@code options} appended to the URL under test as query parameters. */
  private String urlWith(String options) {
    return url() + (url().contains("?") ? "&" : "?") + options;
  }

  private DatabaseConfig withPool(int poolSize, PoolSettings settings) {
    // A generous operation timeout, so that it is the pool timeout that ends the wait.
    return config().withPoolSize(poolSize).withOperationTimeout(Duration.ofSeconds(30)).withPool(settings);
  }

  @Test
  default void pool_sizePlusOverflow_boundsReads_andTheNextReadFailsPoolTimeout_thenWorksAgain() throws Exception {
    PoolSettings settings = PoolSettings.DEFAULT.withMaxOverflow(1).withPoolTimeout(Duration.ofMillis(300));
    int maximum = readMaximum(2, 1);
    try (Database db = Database.open(withPool(2, settings))) {
      assertThat(readPool(db).getMaximumPoolSize()).isEqualTo(maximum);

      Result.Failure<?> waited = whileHolding(db, maximum, Session::readOnlyTransaction,
          () -> db.readOnlyTransaction(tx -> tx.queryOne("select 1 as one")));

      assertThat(waited.message()).contains("300 ms pool timeout").contains("active=" + maximum)
          .contains("nothing was written");
      assertThat(waited.details()).containsEntry("poolTimeoutMillis", 300L);
      assertThat(Expect.ok(db.readOnlyTransaction(tx -> tx.queryOne("select 1 as one"))).getLong("one"))
          .isEqualTo(1L);
    }
  }

  @Test
  default void pool_writersAreBoundedPerDialect_andTheNextWriteFailsPoolTimeout_thenWorksAgain() throws Exception {
    PoolSettings settings = PoolSettings.DEFAULT.withMaxOverflow(1).withPoolTimeout(Duration.ofMillis(300));
    int maximum = writeMaximum(2, 1);
    try (Database db = Database.open(withPool(2, settings))) {
      assertThat(writePool(db).getMaximumPoolSize()).isEqualTo(maximum);

      Result.Failure<?> waited = whileHolding(db, maximum, Session::transaction, () -> {
        if (onSqliteFile()) {
          // The read pool is separate from the one writer: reads go on while it is taken.
          assertThat(Expect.ok(db.readOnlyTransaction(tx -> tx.queryOne("select 1 as one"))).getLong("one"))
              .isEqualTo(1L);
        }
        return db.transaction(tx -> tx.queryOne("select 1 as one"));
      });

      assertThat(waited.details()).containsEntry("poolTimeoutMillis", 300L);
      assertThat(Expect.ok(db.transaction(tx -> tx.queryOne("select 1 as one"))).getLong("one")).isEqualTo(1L);
    }
  }

  /**
   * Holds {@code count} connections of {@code db}, each in a transaction that {@code begin} starts on a thread of
   * its own, runs {@code probe} while they are all held, asserts it failed UNAVAILABLE {@code POOL_TIMEOUT}, then
   * releases them and asserts each holder committed.
   */
  private static Result.Failure<?> whileHolding(Database db, int count,
      BiFunction<Database, Function<Transaction, Result<Long>>, Result<Long>> begin,
      Supplier<Result<Row>> probe) throws Exception {
    CountDownLatch holding = new CountDownLatch(count);
    CountDownLatch release = new CountDownLatch(1);
    Result<Row> probed;
    List<Future<Result<Long>>> holders = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
      try {
        for (int i = 0; i < count; i++) {
          holders.add(threads.submit(() -> begin.apply(db, tx -> {
            Result<Long> one = tx.queryOne("select 1 as one").map(row -> row.getLong("one"));
            holding.countDown();
            try {
              release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return one;
          })));
        }
        assertThat(holding.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("all %d connections taken", count).isTrue();
        probed = probe.get();
      } finally {
        release.countDown();
      }
      for (Future<Result<Long>> holder : holders) {
        assertThat(Expect.ok(holder.get(PATIENCE_SECONDS, TimeUnit.SECONDS))).isEqualTo(1L);
      }
    }
    return Expect.failure(probed, Status.UNAVAILABLE, "POOL_TIMEOUT");
  }

  @Test
  default void pool_recycleAndPrePing_byUrlOptions_areReadBackFromEveryPool() {
    try (Database db = Database.open(urlWith("poolSize=2&maxOverflow=3&poolTimeout=1500ms&recycle=45s&prePing=true"))) {
      assertThat(db.config().poolSize()).isEqualTo(2);
      assertThat(db.config().pool()).isEqualTo(new PoolSettings(3, Duration.ofMillis(1500), Duration.ofSeconds(45),
          true, false));
      assertThat(db.config().url().params()).doesNotContainKeys("poolSize", "maxOverflow", "poolTimeout", "recycle",
          "prePing");
      assertPools(db, 2, 3, 45_000L, true);
      assertThat(Expect.ok(db.queryOne("select 1 as one")).getLong("one")).isEqualTo(1L);
    }
    // Without the options: HikariCP's keepalive, not pre-ping's.
    assertThat(PoolProbe.pools(db())).allSatisfy(pool ->
        assertThat(pool.getKeepaliveTime()).isNotEqualTo(PoolSettings.KEEPALIVE.toMillis()));
  }

  @Test
  default void pool_settingsByEnvironment_cairnNamesWin_andAreReadBackFromEveryPool() {
    Map<String, String> environment = Map.of(
        "DATABASE_URL", url(),
        "CAIRN_DATABASE_POOL_SIZE", "3",
        "DATABASE_POOL_SIZE", "9",
        "DATABASE_MAX_OVERFLOW", "2",
        "DATABASE_POOL_TIMEOUT", "2",
        "DATABASE_POOL_RECYCLE", "60",
        "DATABASE_POOL_PRE_PING", "true",
        "DATABASE_ECHO", "false");
    try (Database db = Database.open(DatabaseConfig.fromEnvironment(environment))) {
      assertThat(db.config().poolSize()).isEqualTo(3);
      assertThat(db.config().pool()).isEqualTo(new PoolSettings(2, Duration.ofSeconds(2), Duration.ofSeconds(60),
          true, false));
      assertPools(db, 3, 2, 60_000L, true);
      assertThat(Expect.ok(db.queryOne("select 1 as one")).getLong("one")).isEqualTo(1L);
    }
  }

  /** The running pools hold the settings, as the class comment says they apply on this dialect. */
  private void assertPools(Database db, int poolSize, int maxOverflow, long recycleMillis, boolean prePing) {
    assertThat(readPool(db).getMaximumPoolSize()).isEqualTo(readMaximum(poolSize, maxOverflow));
    assertThat(writePool(db).getMaximumPoolSize()).isEqualTo(writeMaximum(poolSize, maxOverflow));
    long lifetime = config().url().isSqliteMemory() ? 0L : recycleMillis;
    assertThat(PoolProbe.pools(db)).allSatisfy(pool -> {
      assertThat(pool.getMaxLifetime()).as("maxLifetime of %s", pool.getPoolName()).isEqualTo(lifetime);
      if (prePing) {
        assertThat(pool.getKeepaliveTime()).as("keepalive of %s", pool.getPoolName())
            .isEqualTo(PoolSettings.KEEPALIVE.toMillis());
      }
    });
  }

  @Test
  default void echo_logsStatementsAtDebug_withLiteralsMaskedAndValuesLeftOut() {
    String quiet = "not_echoed_" + UUID.randomUUID().toString().substring(0, 8);
    List<String> lines;
    boolean allAtDebug;
    try (EchoLog log = new EchoLog()) {
      // The database under test runs without echo.
      Expect.ok(db().queryOne("select 1 as " + quiet));
      try (Database db = Database.open(config().withPool(PoolSettings.DEFAULT.withEcho(true)))) {
        Expect.ok(db.execute("DROP TABLE IF EXISTS echo_notes"));
        Expect.ok(db.execute("CREATE TABLE echo_notes (id BIGINT PRIMARY KEY, secret VARCHAR(100))"));
        Expect.ok(db.execute("INSERT INTO echo_notes (id, secret) VALUES (?, ?)", 1, "hunter2"));
        Expect.ok(db.execute("INSERT INTO echo_notes (id, secret) VALUES (2, 'literal-secret')"));
        Expect.ok(db.rows("echo_notes").insert(Map.of("id", 3, "secret", "row-secret")));
        assertThat(Expect.ok(db.rows("echo_notes").count(dev.cairn.sql.Filter.all()))).isEqualTo(3L);
        Expect.ok(db.execute("DROP TABLE echo_notes"));
      }
      lines = log.lines();
      allAtDebug = log.allAtDebug();
    }
    assertThat(lines).isNotEmpty();
    assertThat(allAtDebug).as("every echo line at DEBUG").isTrue();
    assertThat(lines).contains("INSERT INTO echo_notes (id, secret) VALUES (?, ?)",
        "INSERT INTO echo_notes (id, secret) VALUES (?, '****')");
    // The row insert Cairn renders (quoted per dialect) is echoed too.
    assertThat(lines).anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("insert into")
        && line.contains("echo_notes") && !line.contains("INSERT INTO echo_notes"));
    assertThat(String.join("\n", lines)).doesNotContain("hunter2").doesNotContain("literal-secret")
        .doesNotContain("row-secret").doesNotContain(quiet);
  }

  @Test
  default void pool_invalidValues_byWithersAndEnvironment_oneLineInvalidOptionNamingTheSetting() {
    assertInvalid(() -> PoolSettings.DEFAULT.withMaxOverflow(-1), "maxOverflow");
    assertInvalid(() -> PoolSettings.DEFAULT.withPoolTimeout(Duration.ZERO), "poolTimeout");
    assertInvalid(() -> PoolSettings.DEFAULT.withRecycle(Duration.ofSeconds(5)), "recycle");
    assertInvalid(() -> config().withPoolSize(0), "poolSize");
    // HikariCP silently turns keepalive off unless it comes before the end of a connection's life.
    assertInvalid(() -> PoolSettings.DEFAULT.withRecycle(PoolSettings.MIN_RECYCLE).withPrePing(true), "recycle");
    Map.of(
        "DATABASE_MAX_OVERFLOW", "-1",
        "CAIRN_DATABASE_MAX_OVERFLOW", "many",
        "DATABASE_POOL_TIMEOUT", "soon",
        "DATABASE_POOL_RECYCLE", "5",
        "DATABASE_POOL_PRE_PING", "maybe",
        "DATABASE_ECHO", "loud",
        "CAIRN_DATABASE_POOL_SIZE", "0").forEach((variable, value) -> {
          InvalidInputException refused = assertInvalid(() -> DatabaseConfig.fromEnvironment(Map.of(
              "DATABASE_URL", url(), variable, value)), variable);
          assertThat(refused.getMessage()).as(variable).startsWith(variable);
        });
    assertThat(assertInvalid(() -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", url(),
        "DATABASE_POOL_RECYCLE", "30", "DATABASE_POOL_PRE_PING", "true")), "DATABASE_POOL_RECYCLE").getMessage())
        .startsWith("DATABASE_POOL_RECYCLE");
  }

  @Test
  default void pool_invalidValues_byUrlOptions_oneLineInvalidOptionNamingTheSetting() {
    Map.of(
        "maxOverflow", "-2",
        "poolTimeout", "0ms",
        "recycle", "5s",
        "prePing", "perhaps",
        "echo", "loud",
        "poolSize", "0").forEach((option, value) ->
        assertInvalid(() -> Database.open(urlWith(option + "=" + value)), option));
    assertInvalid(() -> Database.open(urlWith("recycle=30s&prePing=true")), "recycle");
  }

  private static InvalidInputException assertInvalid(Runnable build, String setting) {
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, build::run);
    assertThat(refused).as("%s refused", setting).isNotNull();
    assertThat(refused.code()).as(setting).isEqualTo("INVALID_OPTION");
    assertThat(refused.getMessage()).as(setting).contains(setting).doesNotContain("\n");
    assertThat(refused.details()).as(setting).containsEntry("option", setting);
    return refused;
  }
}
