package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.SqlBench;
import dev.cairn.bench.SqlBenchOptions;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn bench sql}: the SQL workload of {@link SqlBench}; its exit code becomes the process exit code. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    defaultValueProvider = SqlBenchCommand.Defaults.class,
    description = {
      "Measure the users-table workload through Cairn against raw JDBC.",
      "The two run interleaved; one line per phase:",
      "  sql.<phase> cairn=<ops/s> jdbc=<ops/s> ratio=<cairn/jdbc> cairn_alloc_b_op=<B> jdbc_alloc_b_op=<B>",
      "then how a page deep in the table compares with the first (Cairn, pages/s):",
      "  sql.page_deep first=<p/s> offset=<p/s> keyset=<p/s> offset_vs_first=<r> keyset_vs_first=<r>"
    })
final class SqlBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputFormat format;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "Database to measure: sqlite:FILE, postgresql://..., mysql://..., mariadb://... "
          + "(default: a fresh SQLite file in a temporary directory).")
  private String dbUrl;

  @Option(names = "--rows", paramLabel = "N", description = "Rows in the users table (default: ${DEFAULT-VALUE}).")
  private int rows;

  @Option(
      names = "--rounds",
      paramLabel = "R",
      description = "Interleaved Cairn/JDBC rounds per phase (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(
      names = "--phases",
      paramLabel = "NAME",
      split = ",",
      description = "Run only these phases (comma-separated; bulk_insert always runs, as the others read its rows):"
          + " bulk_insert, get_by_id, page_filter_sort, raw_query, page_first, page_deep_offset, page_deep_keyset,"
          + " update_own_tx, update_count_own_tx (default: all).")
  private List<String> phases = List.of();

  @Option(names = "--no-progress", description = "Do not show progress on standard error (a bar on a terminal,"
      + " a line per step elsewhere).")
  private boolean noProgress;

  @Override
  public Integer call() {
    SqlBenchOptions options = options();
    Terminal terminal = Terminal.of(spec);
    return SqlBench.run(options, BenchLines.stream(terminal.out(), format.json()), terminal.err(),
        noProgress ? BenchProgress.NONE : Progress.on(terminal, "bench sql"));
  }

  private SqlBenchOptions options() {
    checkDatabaseUrl();
    try {
      return new SqlBenchOptions(dbUrl, rows, rounds, !noProgress, Set.copyOf(phases));
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
  }

  // Checked here so a wrong URL is a usage error before any work starts; the message shows the URL redacted.
  private void checkDatabaseUrl() {
    if (dbUrl == null) {
      return;
    }
    StoreUrl url;
    try {
      url = StoreUrl.parse(dbUrl);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "--db: " + e.getMessage(), e);
    }
    if (!url.kind().isSql()) {
      throw UsageErrors.invalidArgument(spec,
          "--db needs a SQL database URL (sqlite:, postgresql://, mysql://, mariadb://), got " + url, null);
    }
  }

  /** The defaults come from {@link SqlBenchOptions#defaults} so help text and workload cannot disagree. */
  static final class Defaults implements IDefaultValueProvider {
    private static final SqlBenchOptions DEFAULTS = SqlBenchOptions.defaults(null);

    @Override
    public String defaultValue(ArgSpec argSpec) {
      if (!(argSpec instanceof OptionSpec option)) {
        return null;
      }
      return switch (option.longestName()) {
        case "--rows" -> String.valueOf(DEFAULTS.rows());
        case "--rounds" -> String.valueOf(DEFAULTS.rounds());
        default -> null;
      };
    }
  }
}
