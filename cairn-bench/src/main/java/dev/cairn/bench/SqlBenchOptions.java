package dev.cairn.bench;

import java.util.Objects;

/**
 * Settings of the SQL workload.
 *
 * @param dbUrl the database to measure ({@code sqlite:...}, {@code postgresql://...}, ...); {@code null} means a
 *     fresh SQLite file in a temporary directory
 * @param rows N, the number of rows of the users table
 * @param rounds how many interleaved Cairn/JDBC rounds each phase runs
 * @param progress whether to draw a progress bar on standard error (only when on a terminal)
 */
public record SqlBenchOptions(String dbUrl, int rows, int rounds, boolean progress) {
  public SqlBenchOptions {
    if (rows < 100) {
      throw new IllegalArgumentException("rows must be >= 100, was " + rows);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
    }
  }

  public static SqlBenchOptions defaults(String dbUrl) {
    return new SqlBenchOptions(dbUrl, 100_000, 3, true);
  }

  public SqlBenchOptions withRows(int n) {
    return new SqlBenchOptions(dbUrl, n, rounds, progress);
  }

  public SqlBenchOptions withRounds(int n) {
    return new SqlBenchOptions(dbUrl, rows, n, progress);
  }

  public SqlBenchOptions withDbUrl(String url) {
    return new SqlBenchOptions(Objects.requireNonNull(url), rows, rounds, progress);
  }
}
