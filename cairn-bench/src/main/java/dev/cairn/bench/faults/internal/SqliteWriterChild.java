package dev.cairn.bench.faults.internal;

import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The writer the {@code sqlite_kill9} scenario kills: {@code SqliteWriterChild <file> <threads>} writes
 * transactions of two rows ({@code op_id}, part 1 and 2) into the table {@code ops} of a SQLite file through Cairn
 * from {@code threads} virtual threads and reports on standard output, flushed line by line:
 *
 * <pre>
 * try &lt;op&gt;                       before the transaction starts
 * ack &lt;op&gt; &lt;ms&gt;                  after it committed (Ok)
 * fail &lt;op&gt; &lt;STATUS&gt; &lt;CODE&gt; &lt;ms&gt;  after it failed
 * unknown &lt;op&gt; exception/&lt;class&gt; &lt;ms&gt;  after an exception escaped (the contract is a Result)
 * </pre>
 *
 * It runs until killed, for at most 5 minutes, and ends when its standard input closes (its parent is gone).
 */
public final class SqliteWriterChild {
  private static final long MAX_RUN_NANOS = TimeUnit.MINUTES.toNanos(5);
  private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

  private SqliteWriterChild() {}

  public static void main(String[] args) throws InterruptedException {
    String file = args[0];
    int threads = Integer.parseInt(args[1]);
    ParentWatch.exitWhenParentGone();
    long deadline = System.nanoTime() + MAX_RUN_NANOS;
    try (Database database = Database.open("sqlite:" + file)) {
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        writers.add(Thread.ofVirtual().start(() -> write(database, thread, deadline)));
      }
      for (Thread writer : writers) {
        writer.join();
      }
    }
  }

  private static void write(Database database, int thread, long deadline) {
    for (long n = 0; System.nanoTime() < deadline; n++) {
      String op = "t" + thread + "-" + n;
      report("try " + op);
      long start = System.nanoTime();
      Result<Integer> result;
      try {
        result = database.transaction(tx -> tx.execute("INSERT INTO ops (op_id, part) VALUES (?, 1)", op)
            .flatMap(count -> tx.execute("INSERT INTO ops (op_id, part) VALUES (?, 2)", op)));
      } catch (RuntimeException e) {
        report("unknown " + op + " exception/" + e.getClass().getSimpleName() + " "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        continue;
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      switch (result) {
        case Result.Ok<Integer> ok -> report("ack " + op + " " + millis);
        case Result.Failure<Integer> failure ->
            report("fail " + op + " " + failure.status() + " " + failure.code() + " " + millis);
      }
    }
  }

  private static void report(String line) {
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }
}
