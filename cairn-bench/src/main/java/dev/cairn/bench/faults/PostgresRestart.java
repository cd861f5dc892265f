package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.OpLedger;
import dev.cairn.bench.faults.internal.OpLedger.Outcome;
import dev.cairn.bench.faults.internal.PostgresServer;
import dev.cairn.bench.faults.internal.Stored;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code postgres_restart}: a private PostgreSQL restarted twice with {@code pg_ctl restart -m fast} while 6
 * virtual threads run two-row transactions through Cairn. Afterwards every acknowledged write is present with both
 * rows, none twice, and none that failed with a definite code. Failures are allowed only with status UNAVAILABLE
 * (the row then absent) or an outcome-unknown code; any other status is counted as {@code wrong_status} (e.g. a
 * terminated session, SQLState 57P01, reported as ERROR), and an exception escaping {@code transaction} (whose
 * contract is a Result) as {@code exceptions}, its write outcome-unknown.
 */
final class PostgresRestart implements Scenario {
  private static final int THREADS = 6;
  private static final int RESTARTS = 2;
  private static final long WRITERS_FINISH_SECONDS = 60;

  @Override
  public String name() {
    return "postgres_restart";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    OpLedger ledger = new OpLedger();
    FailureCodes codes = new FailureCodes();
    AtomicLong wrongStatus = new AtomicLong();
    AtomicLong exceptions = new AtomicLong();
    int restarts = 0;
    long unfinished;
    try (PostgresServer server = PostgresServer.start(directory.resolve("postgres"))) {
      try (Database database = Database.open(DatabaseConfig.of(server.url()).withPoolSize(THREADS))) {
        database.execute("CREATE TABLE ops (id BIGSERIAL PRIMARY KEY, op_id TEXT NOT NULL, part INT NOT NULL)")
            .orElseThrow();
        long end = System.nanoTime() + load.toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String prefix = "t" + t + "-";
          writers.add(Thread.ofVirtual().start(() -> {
            for (int n = 0; System.nanoTime() < end; n++) {
              write(database, prefix + n, ledger, codes, wrongStatus, exceptions);
            }
          }));
        }
        for (int r = 1; r <= RESTARTS; r++) {
          Thread.sleep(load.toMillis() / (RESTARTS + 1));
          long before = server.postmasterPid();
          server.restartFast();
          restarts += server.postmasterPid() != before ? 1 : 0;
        }
        long joinDeadline = end + TimeUnit.SECONDS.toNanos(WRITERS_FINISH_SECONDS);
        for (Thread writer : writers) {
          writer.join(Duration.ofNanos(Math.max(1, joinDeadline - System.nanoTime())));
        }
        unfinished = writers.stream().filter(Thread::isAlive).count();
      }
      try (Connection connection = server.connect()) {
        Stored.Pairs pairs = Stored.pairs(connection, "ops");
        OpLedger.Tally tally = ledger.tally(pairs.copies());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("restarts", restarts);
        details.put("unknown", tally.unknown());
        details.put("failed", tally.failed());
        details.put("wrong_status", wrongStatus.get());
        details.put("exceptions", exceptions.get());
        details.put("torn", pairs.torn());
        details.put("unfinished", unfinished);
        details.put("codes", codes.toString());
        return new FaultReport(name(), tally.attempts(), tally.acked(), tally.lost() + pairs.torn(),
            tally.duplicated(), tally.falseFailures(), tally.maxWaitMs(), details);
      }
    }
  }

  private static void write(Database database, String op, OpLedger ledger, FailureCodes codes,
      AtomicLong wrongStatus, AtomicLong exceptions) {
    long start = ledger.start(op);
    Result<Integer> result;
    try {
      result = database.transaction(tx -> tx.execute("INSERT INTO ops (op_id, part) VALUES (?, 1)", op)
          .flatMap(count -> tx.execute("INSERT INTO ops (op_id, part) VALUES (?, 2)", op)));
    } catch (RuntimeException e) {
      // the contract is a Result, never an exception: the caller cannot know what happened
      exceptions.incrementAndGet();
      codes.add("exception/" + e.getClass().getSimpleName());
      ledger.finish(op, Outcome.UNKNOWN, start);
      return;
    }
    switch (result) {
      case Result.Ok<Integer> ok -> ledger.finish(op, Outcome.ACKED, start);
      case Result.Failure<Integer> failure -> {
        Outcome outcome = OpLedger.ofFailureCode(failure.code());
        codes.add(failure.status() + "/" + failure.code());
        if (outcome == Outcome.FAILED && failure.status() != Status.UNAVAILABLE) {
          wrongStatus.incrementAndGet();
        }
        ledger.finish(op, outcome, start);
      }
    }
  }
}
