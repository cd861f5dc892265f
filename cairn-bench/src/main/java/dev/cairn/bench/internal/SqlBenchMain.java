package dev.cairn.bench.internal;

import dev.cairn.bench.SqlBench;
import dev.cairn.bench.SqlBenchOptions;

/**
 * Runs the SQL workload without the CLI, for profiling it under a plain {@code java} command (JFR, jcmd):
 * {@code SqlBenchMain [url|-] [rows] [rounds]}, {@code -} meaning a temporary SQLite file. The supported entry
 * point for users is {@code cairn bench sql}.
 */
public final class SqlBenchMain {
  private SqlBenchMain() {}

  public static void main(String[] args) {
    SqlBenchOptions options = SqlBenchOptions.defaults(args.length > 0 && !args[0].equals("-") ? args[0] : null);
    if (args.length > 1) {
      options = options.withRows(Integer.parseInt(args[1]));
    }
    if (args.length > 2) {
      options = options.withRounds(Integer.parseInt(args[2]));
    }
    System.exit(SqlBench.run(options, System.out));
  }
}
