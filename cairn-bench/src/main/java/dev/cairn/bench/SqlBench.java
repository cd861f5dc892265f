package dev.cairn.bench;

import dev.cairn.bench.internal.BenchTarget;
import dev.cairn.bench.internal.CairnUserStore;
import dev.cairn.bench.internal.JdbcConnector;
import dev.cairn.bench.internal.JdbcUserStore;
import dev.cairn.bench.internal.Measurements;
import dev.cairn.bench.internal.OneLine;
import dev.cairn.bench.internal.PageDeepLine;
import dev.cairn.bench.internal.ProgressBar;
import dev.cairn.bench.internal.ResultLine;
import dev.cairn.bench.internal.UserStore;
import dev.cairn.bench.internal.Workload;
import dev.cairn.bench.internal.WorkloadRunner;
import dev.cairn.core.CairnException;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import java.io.PrintStream;

/**
 * The SQL workload: Cairn against hand-written JDBC on the same database, interleaved, one line per phase.
 *
 * <p>Each side works on its own table ({@code bench_users_cairn}, {@code bench_users_jdbc}: two record types
 * differing only in their {@code @TableName}, both created by Cairn so their DDL is identical); both tables are
 * dropped at the end, even after a failure, and a temporary SQLite database is deleted. Phases are interleaved
 * side by side after an untimed warm-up (see {@code WorkloadRunner}); each line shows the pair of rounds (one of
 * each order) whose ratio is the median (see {@code Measurements#median}).
 */
public final class SqlBench {
  /** Exit code when the database cannot be reached or the workload fails (the CLI's "failure" code). */
  public static final int EXIT_FAILED = 3;
  /** Exit code for a malformed or non-SQL URL (the CLI's "usage" code). */
  public static final int EXIT_INVALID = 2;
  /** System property that, when {@code true}, adds every round's figures on standard error, for diagnosis. */
  public static final String VERBOSE_PROPERTY = "cairn.bench.verbose";

  private SqlBench() {}

  /**
   * Runs the workload and prints {@code sql.<phase> cairn=<ops/s> jdbc=<ops/s> ratio=<cairn/jdbc>
   * cairn_alloc_b_op=<B> jdbc_alloc_b_op=<B>} lines to {@code out} (see {@code ResultLine}), then the
   * {@code sql.page_deep} summary (see {@code PageDeepLine}); failures go to standard error as one line. Not for
   * concurrent use on the same database.
   *
   * @return a process exit code: 0 on success, {@link #EXIT_FAILED} when the database cannot be reached or fails,
   *     {@link #EXIT_INVALID} for a bad URL
   */
  public static int run(SqlBenchOptions options, PrintStream out) {
    return run(options, out, System.err);
  }

  /** As {@link #run(SqlBenchOptions, PrintStream)}, with the error line and the progress bar going to {@code err}. */
  static int run(SqlBenchOptions options, PrintStream out, PrintStream err) {
    boolean showProgress = options.progress() && ProgressBar.onTerminal();
    return run(options, out, err, showProgress ? new ProgressBar(err) : BenchProgress.NONE);
  }

  /**
   * As {@link #run(SqlBenchOptions, PrintStream)}, with the error line going to {@code err} and each step and its
   * advance told to {@code bar} ({@link SqlBenchOptions#progress()} is left to the caller here).
   */
  public static int run(SqlBenchOptions options, PrintStream out, PrintStream err, BenchProgress bar) {
    try (BenchTarget target = BenchTarget.resolve(options.dbUrl())) {
      Measurements measurements = measure(target, options, WorkloadRunner.StepListener.of(bar));
      bar.clear();
      for (String phase : measurements.phases()) {
        out.println(ResultLine.of(measurements, phase).format());
        if (Boolean.getBoolean(VERBOSE_PROPERTY)) {
          err.println("  " + phase + " rounds: cairn=" + measurements.rounds(phase, "cairn")
              + " jdbc=" + measurements.rounds(phase, "jdbc") + "; per CPU second of this thread: cairn="
              + measurements.cpuRounds(phase, "cairn") + " jdbc=" + measurements.cpuRounds(phase, "jdbc"));
        }
      }
      PageDeepLine.of(measurements).ifPresent(line -> out.println(line.format()));
      return 0;
    } catch (CairnException e) {
      bar.clear();
      err.println("cairn bench sql: " + OneLine.of(e.getMessage()));
      return e.status() == Status.INVALID ? EXIT_INVALID : EXIT_FAILED;
    }
  }

  private static Measurements measure(
      BenchTarget target, SqlBenchOptions options, WorkloadRunner.StepListener listener) {
    try (Database database = Database.open(target.url());
        CairnUserStore cairn = new CairnUserStore(database);
        JdbcUserStore jdbc = new JdbcUserStore(database, JdbcConnector.open(database.config()))) {
      Measurements measurements;
      try {
        WorkloadRunner runner = new WorkloadRunner(cairn, jdbc, jdbc::settle, listener);
        measurements = runner.run(Workload.of(options.rows()), options.rounds(), options.phases());
      } catch (RuntimeException failure) {
        // Our tables only, and even after a failure: a server database must be left as it was found.
        dropAfterFailure(cairn, failure);
        dropAfterFailure(jdbc, failure);
        throw failure;
      }
      cairn.drop();
      jdbc.drop();
      return measurements;
    }
  }

  private static void dropAfterFailure(UserStore store, RuntimeException failure) {
    try {
      store.drop();
    } catch (RuntimeException dropFailure) {
      failure.addSuppressed(dropFailure);
    }
  }
}
