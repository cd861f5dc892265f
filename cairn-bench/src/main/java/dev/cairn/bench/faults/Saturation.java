package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.HttpCalls;
import dev.cairn.bench.faults.internal.ServerChild;
import dev.cairn.bench.faults.internal.Stored;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code saturation}: {@code cairn serve} on a SQLite file of 300,000 rows in a child JVM limited to 2 processors
 * (so 2 carrier threads for virtual threads, as on the machine that found the freeze), 8 clients looping a slow
 * query (a sort on an unindexed column with a deep offset) that fills the read pool, and meanwhile, every 250 ms, a
 * {@code /health} probe and a primary-key GET of an existing row, each allowed {@value #PROBE_TIMEOUT_SECONDS} s.
 *
 * <p>Each probe is an attempt: a 200 is acknowledged; a 503 with {@code Retry-After} is load shed (allowed, neither
 * acknowledged nor failed); a 404 for the existing row is lost; anything else (no answer in time, a 500, a health
 * {@code 503} without {@code Retry-After} while the database is only busy) is a false failure. {@code max_wait_ms}
 * is the longest probe.
 */
final class Saturation implements Scenario {
  static final int PROBE_TIMEOUT_SECONDS = 10;
  private static final int ROWS = 300_000;
  private static final int SLOW_CLIENTS = 8;
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
  private static final Duration SLOW_TIMEOUT = Duration.ofSeconds(60);
  private static final String SLOW_QUERY = "/api/v1/db/tables/big?sort_by=body&page=" + (ROWS * 4 / 5 / 20)
      + "&page_size=20";

  @Override
  public String name() {
    return "saturation";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    Path file = directory.resolve("saturation.db");
    Stored.createSqlite(file, "CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT NOT NULL, n INTEGER NOT NULL)",
        "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < " + ROWS + ")"
            + " INSERT INTO big SELECT x, hex(randomblob(16)), random() FROM seq");
    String token = Tokens.random();
    Probes probes = new Probes();
    FailureCodes slowAnswers = new FailureCodes();
    AtomicLong slowStarted = new AtomicLong();
    try (ServerChild server = ServerChild.start("server", FaultBench.SERVER_MAIN_CLASS, file, token,
        List.of("-XX:ActiveProcessorCount=2"), directory)) {
      HttpCalls slowHttp = new HttpCalls(token, SLOW_TIMEOUT);
      HttpCalls probeHttp = new HttpCalls(token, Duration.ofSeconds(PROBE_TIMEOUT_SECONDS));
      long end = System.nanoTime() + load.toNanos();
      List<Thread> slow = new ArrayList<>();
      for (int c = 0; c < SLOW_CLIENTS; c++) {
        slow.add(Thread.ofVirtual().start(() -> {
          while (System.nanoTime() < end) {
            slowStarted.incrementAndGet();
            slowAnswers.add(get(slowHttp, server.baseUrl().resolve(SLOW_QUERY)).describe());
          }
        }));
      }
      Thread.sleep(1_000); // the slow queries take the pool first
      List<Thread> probeThreads = new ArrayList<>();
      while (System.nanoTime() < end) {
        probeThreads.add(Thread.ofVirtual().start(() -> probes.health(get(probeHttp,
            server.baseUrl().resolve("/health")))));
        long id = ThreadLocalRandom.current().nextLong(1, ROWS + 1);
        probeThreads.add(Thread.ofVirtual().start(() -> probes.row(get(probeHttp,
            server.baseUrl().resolve("/api/v1/db/tables/big/rows/" + id)))));
        Thread.sleep(PROBE_INTERVAL.toMillis());
      }
      for (Thread probe : probeThreads) {
        probe.join(Duration.ofSeconds(PROBE_TIMEOUT_SECONDS * 2L));
      }
      // the slow clients' last requests may still run: the server is killed under them rather than drained
      server.kill9();
      for (Thread client : slow) {
        client.join(Duration.ofSeconds(10));
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("slow_requests", slowStarted.get());
    details.put("slow_answers", slowAnswers.toString());
    details.put("shed", probes.shed.get());
    details.put("health_max_ms", TimeUnit.NANOSECONDS.toMillis(probes.healthMaxNanos.get()));
    details.put("get_max_ms", TimeUnit.NANOSECONDS.toMillis(probes.rowMaxNanos.get()));
    details.put("probe_failures", probes.failures.toString());
    long maxWait = TimeUnit.NANOSECONDS.toMillis(Math.max(probes.healthMaxNanos.get(), probes.rowMaxNanos.get()));
    return new FaultReport(name(), probes.attempts.get(), probes.acked.get(), probes.lost.get(), 0,
        probes.falseFailures.get(), maxWait, details);
  }

  private static HttpCalls.Answer get(HttpCalls http, URI uri) {
    try {
      return http.get(uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The probes' figures; thread-safe. */
  private static final class Probes {
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong shed = new AtomicLong();
    final AtomicLong falseFailures = new AtomicLong();
    final AtomicLong healthMaxNanos = new AtomicLong();
    final AtomicLong rowMaxNanos = new AtomicLong();
    final FailureCodes failures = new FailureCodes();

    void health(HttpCalls.Answer answer) {
      healthMaxNanos.accumulateAndGet(answer.nanos(), Math::max);
      count(answer, "health");
    }

    void row(HttpCalls.Answer answer) {
      rowMaxNanos.accumulateAndGet(answer.nanos(), Math::max);
      if (answer.status() == 404) {
        attempts.incrementAndGet();
        lost.incrementAndGet();
        return;
      }
      count(answer, "get");
    }

    private void count(HttpCalls.Answer answer, String probe) {
      attempts.incrementAndGet();
      if (answer.status() == 200) {
        acked.incrementAndGet();
      } else if (answer.status() == 503 && answer.retryAfter().isPresent()) {
        shed.incrementAndGet();
      } else {
        falseFailures.incrementAndGet();
        failures.add(probe + ":" + answer.describe());
      }
    }
  }
}
