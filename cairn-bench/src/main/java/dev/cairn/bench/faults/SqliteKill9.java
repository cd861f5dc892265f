package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.ChildJvm;
import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.OpLedger;
import dev.cairn.bench.faults.internal.OpLedger.Outcome;
import dev.cairn.bench.faults.internal.SqliteWriterChild;
import dev.cairn.bench.faults.internal.Stored;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sqlite_kill9}: a child JVM writes two-row transactions to a SQLite file from 4 virtual threads, reporting
 * each acknowledged id on its flushed standard output; after the load time it is killed with SIGKILL mid-write. Then
 * every acknowledged write must be present with both rows, none twice, and {@code PRAGMA integrity_check} must
 * say {@code ok}.
 */
final class SqliteKill9 implements Scenario {
  private static final int THREADS = 4;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "sqlite_kill9";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    Path file = directory.resolve("kill9.db");
    Stored.createSqlite(file,
        "CREATE TABLE ops (id INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL, part INTEGER NOT NULL)");
    OpLedger ledger = new OpLedger();
    FailureCodes codes = new FailureCodes();
    int exit;
    try (ChildJvm writer = ChildJvm.start("sqlite-writer", SqliteWriterChild.class.getName(), List.of(),
        List.of(file.toString(), Integer.toString(THREADS)), Map.of(), directory.resolve("writer.err"),
        line -> record(ledger, codes, line))) {
      writer.awaitLine(line -> line.startsWith("ack "), START_TIMEOUT);
      Thread.sleep(load.toMillis());
      exit = writer.kill9();
    }
    try (Connection connection = Stored.sqlite(file)) {
      Stored.Pairs pairs = Stored.pairs(connection, "ops");
      String integrity = Stored.integrity(connection);
      OpLedger.Tally tally = ledger.tally(pairs.copies());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("killed", exit == 137 ? 1 : 0);
      details.put("unknown", tally.unknown());
      details.put("failed", tally.failed());
      details.put("torn", pairs.torn());
      details.put("codes", codes.toString());
      details.put("integrity", integrity);
      return new FaultReport(name(), tally.attempts(), tally.acked(), tally.lost() + pairs.torn(), tally.duplicated(),
          tally.falseFailures(), tally.maxWaitMs(), details);
    }
  }

  // "try <op>", "ack <op> <ms>", "fail <op> <STATUS> <CODE> <ms>", "unknown <op> <what> <ms>"
  private static void record(OpLedger ledger, FailureCodes codes, String line) {
    String[] words = line.split(" ");
    switch (words[0]) {
      case "try" -> ledger.start(words[1]);
      case "ack" -> ledger.finishReported(words[1], Outcome.ACKED, Long.parseLong(words[2]));
      case "fail" -> {
        codes.add(words[2] + "/" + words[3]);
        ledger.finishReported(words[1], OpLedger.ofFailureCode(words[3]), Long.parseLong(words[4]));
      }
      case "unknown" -> {
        codes.add(words[2]);
        ledger.finishReported(words[1], Outcome.UNKNOWN, Long.parseLong(words[3]));
      }
      default -> { }
    }
  }
}
