package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: {@code /metrics} shows HikariCP's pool gauges, a timer per database operation and outcome, key-value
 * command timers and error counters, and the JVM binders, on each store pairing. Counts are compared before and
 * after the operations a test does itself on the served stores; no timing is asserted.
 */
abstract class MetricsConformance {
  private static final String TABLE = "metered";
  Database database;
  KeyValue root;
  KeyValue store;
  AdminServer server;
  ApiClient api;

  abstract String databaseUrl();

  /** Opens the store; closed after each test. */
  abstract KeyValue openStore();

  /** The part of the store the server sees (on a shared Redis, this class's prefix). */
  KeyValue served(KeyValue opened) {
    return opened;
  }

  @BeforeEach
  void start() {
    database = Database.open(databaseUrl());
    root = openStore();
    store = served(root);
    server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store));
    api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
    root.close();
    database.close();
  }

  @Test
  void poolGauges_activeOneMoreWhileATransactionIsOpen() throws Exception {
    Map<String, Double> before = scrape();
    assertThat(sum(before, "hikaricp_connections_max", Map.of())).isGreaterThanOrEqualTo(1);
    assertThat(before).containsKeys(series(before, "hikaricp_connections_idle"),
        series(before, "hikaricp_connections_pending"), series(before, "hikaricp_connections_timeout_total"));
    double activeBefore = sum(before, "hikaricp_connections_active", Map.of());

    CountDownLatch open = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Result<Integer>> held = CompletableFuture.supplyAsync(() -> database.transaction(tx -> {
      open.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Result.ok(1);
    }));
    assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
    try {
      // HikariCP refreshes its pool statistics at most once a second: scrape until the new value shows.
      assertThat(activeUntil(activeBefore + 1)).isEqualTo(activeBefore + 1);
    } finally {
      release.countDown();
    }
    assertThat(held.get(30, TimeUnit.SECONDS).orElseThrow()).isEqualTo(1);
  }

  @Test
  void queryTimers_countEachOperationByOutcome() {
    database.execute("DROP TABLE IF EXISTS " + TABLE).orElseThrow();
    database.execute("CREATE TABLE " + TABLE + " (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL)")
        .orElseThrow();
    Map<String, Double> before = scrape();

    for (int id = 1; id <= 3; id++) {
      database.rows(TABLE).insert(Map.of("id", id, "name", "n" + id)).orElseThrow();
    }
    database.rows(TABLE).find(1).orElseThrow();
    assertThat(database.rows(TABLE).find(99)).isInstanceOf(Result.Failure.class);
    assertThat(database.rows(TABLE).insert(Map.of("id", 1, "name", "again"))).isInstanceOf(Result.Failure.class);
    database.transaction(tx -> tx.rows(TABLE).delete(3)).orElseThrow();

    Map<String, Double> after = scrape();
    assertThat(delta(before, after, "cairn_sql_query_seconds_count", "insert", "ok")).isEqualTo(3);
    assertThat(delta(before, after, "cairn_sql_query_seconds_count", "insert", "duplicate")).isEqualTo(1);
    assertThat(delta(before, after, "cairn_sql_query_seconds_count", "find", "ok")).isEqualTo(1);
    assertThat(delta(before, after, "cairn_sql_query_seconds_count", "find", "not_found")).isEqualTo(1);
    assertThat(delta(before, after, "cairn_sql_query_seconds_count", "delete", "ok")).isEqualTo(1);
    assertThat(delta(before, after, "cairn_sql_query_seconds_count", "transaction", "ok")).isEqualTo(1);
  }

  @Test
  void kvTimersAndErrors_countEachCommand() {
    Map<String, Double> before = scrape();
    store.set("metrics:a", "1");
    store.set("metrics:b", "2");
    store.get("metrics:a");
    store.get("metrics:a");
    store.get("metrics:missing");
    assertThatThrownBy(() -> store.hashGet("metrics:a", "field")).isInstanceOf(CairnException.class)
        .extracting(e -> ((CairnException) e).code()).isEqualTo("WRONG_TYPE");

    Map<String, Double> after = scrape();
    assertThat(kvDelta(before, after, "cairn_kv_command_seconds_count", "set", "outcome", "ok")).isEqualTo(2);
    assertThat(kvDelta(before, after, "cairn_kv_command_seconds_count", "get", "outcome", "ok")).isEqualTo(3);
    assertThat(kvDelta(before, after, "cairn_kv_command_seconds_count", "hget", "outcome", "error")).isEqualTo(1);
    assertThat(kvDelta(before, after, "cairn_kv_errors_total", "hget", "code", "WRONG_TYPE")).isEqualTo(1);
  }

  @Test
  void jvmBinders_present() {
    Map<String, Double> metrics = scrape();
    assertThat(sum(metrics, "jvm_memory_used_bytes", Map.of())).isPositive();
    assertThat(sum(metrics, "jvm_threads_live_threads", Map.of())).isPositive();
    assertThat(sum(metrics, "system_cpu_count", Map.of())).isPositive();
    assertThat(sum(metrics, "process_uptime_seconds", Map.of())).isPositive();
    assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("jvm_gc_"));
  }

  /** The active connections, scraped until they read {@code expected} or 30 s passed. */
  private double activeUntil(double expected) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    double active = sum(scrape(), "hikaricp_connections_active", Map.of());
    while (active != expected && System.nanoTime() < giveUp) {
      Thread.sleep(100);
      active = sum(scrape(), "hikaricp_connections_active", Map.of());
    }
    return active;
  }

  private double delta(Map<String, Double> before, Map<String, Double> after, String name, String operation,
      String outcome) {
    Map<String, String> labels = Map.of("operation", operation, "outcome", outcome);
    return sum(after, name, labels) - sum(before, name, labels);
  }

  private double kvDelta(Map<String, Double> before, Map<String, Double> after, String name, String command,
      String label, String value) {
    Map<String, String> labels = Map.of("command", command, label, value);
    return sum(after, name, labels) - sum(before, name, labels);
  }

  /** The samples of {@code GET /metrics}, keyed by the series as printed ({@code name{labels}}). */
  private Map<String, Double> scrape() {
    ApiClient.Response response = api.get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  /** The first series of metric {@code name}, failing when there is none. */
  private static String series(Map<String, Double> samples, String name) {
    return samples.keySet().stream().filter(key -> key.equals(name) || key.startsWith(name + "{")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in /metrics: " + samples.keySet()));
  }

  /** The sum of the series of {@code name} carrying all of {@code labels}; 0 when none does. */
  private static double sum(Map<String, Double> samples, String name, Map<String, String> labels) {
    double total = 0;
    for (Map.Entry<String, Double> sample : samples.entrySet()) {
      String key = sample.getKey();
      if (!(key.equals(name) || key.startsWith(name + "{"))) {
        continue;
      }
      boolean matches = labels.entrySet().stream()
          .allMatch(label -> key.contains(label.getKey() + "=\"" + label.getValue() + "\""));
      if (matches) {
        total += sample.getValue();
      }
    }
    return total;
  }
}
