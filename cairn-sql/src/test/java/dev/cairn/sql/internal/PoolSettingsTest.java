package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.PoolSettings;
import dev.cairn.sql.conformance.Expect;
import dev.cairn.testkit.PostgresService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The pool settings on a real PostgreSQL pool: size plus overflow is HikariCP's maximum and a call beyond it fails
 * POOL_TIMEOUT after the pool timeout; recycle and pre-ping are read back from the running pool; echo logs the SQL
 * at DEBUG without values.
 */
class PoolSettingsTest {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  private static List<HikariDataSource> pools(Database db) {
    return PoolProbe.pools(db);
  }

  @Test
  void sizePlusOverflow_isThePoolMaximum_andTheNextCallFailsAfterThePoolTimeout() throws Exception {
    DatabaseConfig config = DatabaseConfig.of(POSTGRES.url()).withPoolSize(2)
        .withOperationTimeout(Duration.ofSeconds(30))
        .withPool(PoolSettings.DEFAULT.withMaxOverflow(1).withPoolTimeout(Duration.ofMillis(300)));
    int maximum = 3;
    try (Database db = Database.open(config); ExecutorService threads = Executors.newFixedThreadPool(maximum)) {
      assertThat(pools(db).getFirst().getMaximumPoolSize()).isEqualTo(maximum);
      CountDownLatch holding = new CountDownLatch(maximum);
      CountDownLatch release = new CountDownLatch(1);
      List<Future<Result<Long>>> transactions = new java.util.ArrayList<>();
      for (int i = 0; i < maximum; i++) {
        transactions.add(threads.submit(() -> db.transaction(tx -> {
          Result<Long> one = tx.queryOne("select 1 as one").map(row -> row.getLong("one"));
          holding.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return one;
        })));
      }
      assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();

      Result.Failure<dev.cairn.sql.Row> waited = Expect.failure(db.queryOne("select 1 as one"), Status.UNAVAILABLE,
          "POOL_TIMEOUT");

      release.countDown();
      for (Future<Result<Long>> transaction : transactions) {
        assertThat(Expect.ok(transaction.get(60, TimeUnit.SECONDS))).isEqualTo(1L);
      }
      assertThat(waited.message()).contains("300 ms pool timeout").contains("active=3")
          .contains("nothing was written");
      assertThat(waited.details()).containsEntry("poolTimeoutMillis", 300L);
      assertThat(Expect.ok(db.queryOne("select 1 as one")).getLong("one")).isEqualTo(1L);
    }
  }

  @Test
  void recycleAndPrePing_areReadBackFromTheRunningPool() {
    String url = POSTGRES.url() + (POSTGRES.url().contains("?") ? "&" : "?") + "recycle=45s&prePing=true";
    try (Database db = Database.open(url)) {
      HikariDataSource pool = pools(db).getFirst();
      assertThat(pool.getMaxLifetime()).isEqualTo(45_000L);
      assertThat(pool.getKeepaliveTime()).isEqualTo(PoolSettings.KEEPALIVE.toMillis());
      assertThat(db.config().pool().recycle()).isEqualTo(Duration.ofSeconds(45));
      assertThat(Expect.ok(db.queryOne("select 1 as one")).getLong("one")).isEqualTo(1L);
    }
    try (Database db = Database.open(POSTGRES.url())) {
      assertThat(pools(db).getFirst().getKeepaliveTime()).isNotEqualTo(PoolSettings.KEEPALIVE.toMillis());
    }
  }

  @Test
  void echo_logsStatementsAtDebug_withValuesMasked() {
    Logger echo = (Logger) LoggerFactory.getLogger("dev.cairn.sql.echo");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    echo.addAppender(captured);
    Level before = echo.getLevel();
    echo.setLevel(Level.DEBUG);
    try {
      try (Database quiet = Database.open(POSTGRES.url())) {
        Expect.ok(quiet.execute("select 'not echoed' as x"));
      }
      assertThat(captured.list).isEmpty();

      DatabaseConfig config = DatabaseConfig.of(POSTGRES.url()).withPool(PoolSettings.DEFAULT.withEcho(true));
      try (Database db = Database.open(config)) {
        Expect.ok(db.execute("DROP TABLE IF EXISTS echo_notes"));
        Expect.ok(db.execute("CREATE TABLE echo_notes (id BIGINT PRIMARY KEY, secret TEXT)"));
        Expect.ok(db.execute("INSERT INTO echo_notes (id, secret) VALUES (?, ?)", 1, "hunter2"));
        Expect.ok(db.execute("INSERT INTO echo_notes (id, secret) VALUES (2, 'literal-secret')"));
        Expect.ok(db.rows("echo_notes").insert(Map.of("id", 3, "secret", "row-secret")));
        Expect.ok(db.execute("DROP TABLE echo_notes"));
      }
    } finally {
      echo.setLevel(before);
      echo.detachAppender(captured);
    }
    List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(captured.list).allMatch(event -> event.getLevel() == Level.DEBUG);
    assertThat(lines).contains("INSERT INTO echo_notes (id, secret) VALUES (?, ?)",
        "INSERT INTO echo_notes (id, secret) VALUES (?, '****')");
    assertThat(lines).anyMatch(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("insert into \"echo_notes\""));
    assertThat(String.join("\n", lines)).doesNotContain("hunter2").doesNotContain("literal-secret")
        .doesNotContain("row-secret");
  }
}
