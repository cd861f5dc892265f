package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.OpLedger;
import dev.cairn.bench.faults.internal.OpLedger.Outcome;
import dev.cairn.bench.faults.internal.SqliteLockHolder;
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

/**
 * {@code sqlite_lock_holder}: the {@code sqlite3} shell in another process takes {@code BEGIN IMMEDIATE} again and
 * again and holds it past the writer's busy timeout, while 3 virtual threads run one-row transactions through Cairn;
 * every 4th transaction inserts its row and then returns a Failure on purpose. No write may be applied twice, none
 * reported failed (with a definite code) may be present, and none aborted on purpose may be present (counted in
 * {@code duplicated} and shown as {@code aborted_present}).
 */
final class SqliteLockHolderScenario implements Scenario {
  static final String ABORTED = "ABORTED_ON_PURPOSE";
  private static final Duration BUSY_TIMEOUT = Duration.ofMillis(300);
  private static final Duration HOLD = Duration.ofMillis(450);
  private static final Duration GAP = Duration.ofMillis(150);
  private static final int THREADS = 3;
  private static final long WRITERS_FINISH_SECONDS = 120;

  @Override
  public String name() {
    return "sqlite_lock_holder";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    Path file = directory.resolve("locked.db");
    Stored.createSqlite(file, "CREATE TABLE ops (id INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL)");
    OpLedger ledger = new OpLedger();
    FailureCodes codes = new FailureCodes();
    long unfinished;
    int holds;
    try (Database database = Database.open(DatabaseConfig.of("sqlite:" + file).withConnectTimeout(BUSY_TIMEOUT))) {
      SqliteLockHolder holder = SqliteLockHolder.start(file, HOLD, GAP, directory.resolve("sqlite3.err"));
      try {
        long end = System.nanoTime() + load.toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          writers.add(Thread.ofVirtual().start(() -> write(database, ledger, codes, thread, end)));
        }
        long joinDeadline = end + TimeUnit.SECONDS.toNanos(WRITERS_FINISH_SECONDS);
        for (Thread writer : writers) {
          writer.join(Duration.ofNanos(Math.max(1, joinDeadline - System.nanoTime())));
        }
        unfinished = writers.stream().filter(Thread::isAlive).count();
      } finally {
        holds = holder.holds();
        holder.close();
      }
    }
    try (Connection connection = Stored.sqlite(file)) {
      OpLedger.Tally tally = ledger.tally(Stored.copies(connection, "SELECT op_id, COUNT(*) FROM ops GROUP BY op_id"));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("lock_holds", holds);
      details.put("aborted", ledger.count(Outcome.ABORTED));
      details.put("aborted_present", tally.abortedPresent());
      details.put("unknown", tally.unknown());
      details.put("failed", tally.failed());
      details.put("unfinished", unfinished);
      details.put("codes", codes.toString());
      details.put("integrity", Stored.integrity(connection));
      return new FaultReport(name(), tally.attempts(), tally.acked(), tally.lost(), tally.duplicated(),
          tally.falseFailures(), tally.maxWaitMs(), details);
    }
  }

  private static void write(Database database, OpLedger ledger, FailureCodes codes, int thread, long end) {
    for (int n = 0; System.nanoTime() < end; n++) {
      String op = "t" + thread + "-" + n;
      boolean abort = n % 4 == 3;
      long start = ledger.start(op);
      Result<Integer> result;
      try {
        result = database.transaction(tx -> tx.execute("INSERT INTO ops (op_id) VALUES (?)", op)
            .flatMap(count -> abort
                ? Result.<Integer>failure(Status.INVALID, ABORTED, "rolled back on purpose after inserting " + op)
                : Result.ok(count)));
      } catch (RuntimeException e) {
        // the contract is a Result, never an exception: the caller cannot know what happened
        codes.add("exception/" + e.getClass().getSimpleName());
        ledger.finish(op, Outcome.UNKNOWN, start);
        continue;
      }
      switch (result) {
        case Result.Ok<Integer> ok -> ledger.finish(op, Outcome.ACKED, start);
        case Result.Failure<Integer> failure when failure.code().equals(ABORTED) ->
            ledger.finish(op, Outcome.ABORTED, start);
        case Result.Failure<Integer> failure -> {
          codes.add(failure.code());
          ledger.finish(op, OpLedger.ofFailureCode(failure.code()), start);
        }
      }
    }
  }
}
