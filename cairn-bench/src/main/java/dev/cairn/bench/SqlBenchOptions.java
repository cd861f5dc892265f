package dev.cairn.bench;

import dev.cairn.core.InvalidInputException;
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
  /** @throws InvalidInputException {@code INVALID_OPTION} for fewer than 100 rows or no round */
  public SqlBenchOptions {
    if (rows < 100) {
      throw new InvalidInputException("INVALID_OPTION", "rows must be >= 100, was " + rows);
    }
    if (rounds < 1) {
      throw new InvalidInputException("INVALID_OPTION", "rounds must be >= 1, was " + rounds);
    }
  }

  public static SqlBenchOptions defaults(String dbUrl) {
    return new SqlBenchOptions(dbUrl, 100_000, 6, true);
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
