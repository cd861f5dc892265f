package dev.cairn.bench;

import java.io.PrintStream;

/** The SQL workload: Cairn against hand-written JDBC on the same database, interleaved, one line per phase. */
public final class SqlBench {
  private SqlBench() {}

  /**
   * Runs the workload and prints {@code sql.<phase> cairn=<ops/s> jdbc=<ops/s> ratio=<cairn/jdbc>} lines to
   * {@code out}.
   *
   * @return a process exit code: 0 on success
   */
  public static int run(SqlBenchOptions options, PrintStream out) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
