package dev.cairn.bench;

import dev.cairn.bench.internal.Workload;
import dev.cairn.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the SQL workload.
 *
 * @param dbUrl the database to measure ({@code sqlite:...}, {@code postgresql://...}, ...); {@code null} means a
 *     fresh SQLite file in a temporary directory
 * @param rows N, the number of rows of the users table
 * @param rounds how many interleaved Cairn/JDBC rounds each phase runs
 * @param progress whether to draw a progress bar on standard error (only when on a terminal)
 * @param phases the phases to run, by name ({@code get_by_id}); empty means every phase. {@code bulk_insert}
 *     runs whether named or not, as every other phase reads the rows it writes; so a scale check at a million
 *     rows can leave out the phases that read the whole table (OFFSET deep in it, the filtered sort)
 */
public record SqlBenchOptions(String dbUrl, int rows, int rounds, boolean progress, Set<String> phases) {
  /**
   * @throws InvalidInputException {@code INVALID_OPTION} for fewer than 100 rows, no round or a phase name that is
   *     none of {@link #phaseNames()}
   */
  public SqlBenchOptions {
    if (rows < 100) {
      throw new InvalidInputException("INVALID_OPTION", "rows must be >= 100, was " + rows);
    }
    if (rounds < 1) {
      throw new InvalidInputException("INVALID_OPTION", "rounds must be >= 1, was " + rounds);
    }
    phases = Set.copyOf(phases);
    List<String> known = phaseNames();
    for (String phase : phases) {
      if (!known.contains(phase)) {
        throw new InvalidInputException("INVALID_OPTION", "no phase is named '" + printable(phase)
            + "'; the phases are " + String.join(", ", known), Map.of("option", "phases"), null);
      }
    }
  }

  // A name comes from the command line: shown on one line, control characters replaced, at most 60 chars.
  private static String printable(String name) {
    String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
    return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  /** Every phase. */
  public SqlBenchOptions(String dbUrl, int rows, int rounds, boolean progress) {
    this(dbUrl, rows, rounds, progress, Set.of());
  }

  /** The names {@link #phases()} may hold, in the order the phases run. */
  public static List<String> phaseNames() {
    return Workload.phaseNames();
  }

  public static SqlBenchOptions defaults(String dbUrl) {
    return new SqlBenchOptions(dbUrl, 100_000, 6, true);
  }

  public SqlBenchOptions withRows(int n) {
    return new SqlBenchOptions(dbUrl, n, rounds, progress, phases);
  }

  public SqlBenchOptions withRounds(int n) {
    return new SqlBenchOptions(dbUrl, rows, n, progress, phases);
  }

  public SqlBenchOptions withDbUrl(String url) {
    return new SqlBenchOptions(Objects.requireNonNull(url), rows, rounds, progress, phases);
  }

  /** Only {@code names} (and {@code bulk_insert}); empty means every phase. */
  public SqlBenchOptions withPhases(Set<String> names) {
    return new SqlBenchOptions(dbUrl, rows, rounds, progress, names);
  }
}
