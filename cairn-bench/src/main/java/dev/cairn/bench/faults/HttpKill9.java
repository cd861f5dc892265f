package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.HttpCalls;
import dev.cairn.bench.faults.internal.OpLedger;
import dev.cairn.bench.faults.internal.OpLedger.Outcome;
import dev.cairn.bench.faults.internal.ServerChild;
import dev.cairn.bench.faults.internal.Stored;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code http_kill9}: {@code cairn serve} on a SQLite file in a child JVM; 4 clients POST rows with unique
 * {@code op_id}s (and the op id as {@code Idempotency-Key}); once 20 are acknowledged the load time runs, and at its
 * end the server is killed with SIGKILL while they post, then started again on the same file and written to again.
 * Every acknowledged row must be present exactly once and no row answered with a definite failure may be present.
 *
 * <p>A client classifies each POST: 201 is acknowledged; a 503 is retried with the same key (up to 3 times, while
 * the server runs), and resolves as its last answer; an outcome-unknown code or a request that got no answer (the
 * server died under it) is outcome-unknown; a refused connection, or any other error status, is a definite failure.
 */
final class HttpKill9 implements Scenario {
  private static final int CLIENTS = 4;
  private static final int RETRIES = 3;
  private static final int WRITES_AFTER_RESTART = 20;
  private static final int ACKED_BEFORE_LOAD = 20;
  private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  @Override
  public String name() {
    return "http_kill9";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    Path file = directory.resolve("http.db");
    Stored.createSqlite(file, "CREATE TABLE ops (id INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL)");
    String token = Tokens.random();
    HttpCalls http = new HttpCalls(token, REQUEST_TIMEOUT);
    OpLedger ledger = new OpLedger();
    FailureCodes codes = new FailureCodes();
    AtomicBoolean serverUp = new AtomicBoolean(true);
    int exit;
    try (ServerChild server = ServerChild.start("server-1", FaultBench.SERVER_MAIN_CLASS, file, token, List.of(),
        directory)) {
      URI rows = server.baseUrl().resolve("/api/v1/db/tables/ops");
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String prefix = "c" + c + "-";
        clients.add(Thread.ofVirtual().start(() -> {
          for (int n = 0; serverUp.get(); n++) {
            post(http, rows, prefix + n, ledger, codes, serverUp);
          }
        }));
      }
      awaitAcked(ledger, ACKED_BEFORE_LOAD);
      Thread.sleep(load.toMillis());
      exit = server.kill9();
      serverUp.set(false);
      for (Thread client : clients) {
        client.join(REQUEST_TIMEOUT.multipliedBy(RETRIES + 2));
      }
    }
    long afterRestart = 0;
    try (ServerChild server = ServerChild.start("server-2", FaultBench.SERVER_MAIN_CLASS, file, token, List.of(),
        directory)) {
      URI rows = server.baseUrl().resolve("/api/v1/db/tables/ops");
      AtomicBoolean up = new AtomicBoolean(true);
      for (int n = 0; n < WRITES_AFTER_RESTART; n++) {
        afterRestart += post(http, rows, "after-" + n, ledger, codes, up) == Outcome.ACKED ? 1 : 0;
      }
    }
    try (Connection connection = Stored.sqlite(file)) {
      OpLedger.Tally tally = ledger.tally(Stored.copies(connection, "SELECT op_id, COUNT(*) FROM ops GROUP BY op_id"));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("killed", exit == 137 ? 1 : 0);
      details.put("acked_after_restart", afterRestart);
      details.put("unknown", tally.unknown());
      details.put("failed", tally.failed());
      details.put("codes", codes.toString());
      details.put("integrity", Stored.integrity(connection));
      return new FaultReport(name(), tally.attempts(), tally.acked(), tally.lost(), tally.duplicated(),
          tally.falseFailures(), tally.maxWaitMs(), details);
    }
  }

  // a cold server answers its first requests slowly on a busy machine: the load time starts once it is warm
  private static void awaitAcked(OpLedger ledger, int acked) throws InterruptedException {
    long deadline = System.nanoTime() + WARM_UP_TIMEOUT.toNanos();
    while (ledger.count(Outcome.ACKED) < acked && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static Outcome post(HttpCalls http, URI rows, String op, OpLedger ledger, FailureCodes codes,
      AtomicBoolean serverUp) {
    ledger.start(op);
    String body = "{\"op_id\":\"" + op + "\"}";
    try {
      HttpCalls.Answer answer = http.post(rows, body, op);
      for (int retry = 0; answer.status() == 503 && retry < RETRIES && serverUp.get(); retry++) {
        codes.add(answer.describe());
        ledger.waited(answer.nanos());
        Thread.sleep(100L << retry);
        answer = http.post(rows, body, op);
      }
      ledger.waited(answer.nanos());
      Outcome outcome = outcome(answer);
      if (outcome != Outcome.ACKED) {
        codes.add(answer.describe());
      }
      ledger.settle(op, outcome);
      return outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.UNKNOWN;
    }
  }

  private static Outcome outcome(HttpCalls.Answer answer) {
    if (answer.status() == 201) {
      return Outcome.ACKED;
    }
    if (answer.status() == 0) {
      return answer.neverSent() ? Outcome.FAILED : Outcome.UNKNOWN;
    }
    return OpLedger.ofFailureCode(answer.code());
  }
}
