package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.faults.FaultBench;
import dev.cairn.bench.faults.FaultBenchOptions;
import dev.cairn.bench.faults.FaultReport;
import dev.cairn.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench faults}: the fault suite of {@link FaultBench}, one line per scenario. Exit code 0 when every
 * scenario lost, duplicated and falsely failed nothing, 3 when one did (after all lines are printed) or could not
 * run.
 */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "Run Cairn under faults and count what clients were told against what is stored.",
      "Faults: kill -9 of a writer and of the server, another process holding the SQLite lock, PostgreSQL and",
      "Redis restarts, a lock holder paused past its lease, a saturated server; on private servers and files of",
      "its own. One line per scenario:",
      "  fault.<scenario> attempts=N acked=N lost=N duplicated=N false_failures=N max_wait_ms=N [detail=value ...]",
      "Scenarios: sqlite_kill9, sqlite_lock_holder, http_kill9, postgres_restart, redis_restart_aof, lock_pause,",
      "saturation. Needs the sqlite3 shell, redis-server and PostgreSQL's initdb/pg_ctl installed.",
      "Progress goes to standard error: a bar on a terminal, else a line per scenario",
      "('bench faults: sqlite_kill9 1/7')."
    })
final class FaultsBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputFormat format;

  @Option(names = "--scenario", paramLabel = "NAME",
      description = "Run this scenario; repeatable (default: all, in the order above).")
  private List<String> scenarios = List.of();

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10s",
      description = "Load time of each scenario, the fault hitting during it (default: ${DEFAULT-VALUE}).")
  private Duration duration;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where scenarios keep their files and private servers (default: a temporary directory); "
          + "each scenario's directory is deleted after it ran.")
  private Path workDirectory;

  @Option(names = "--no-progress", description = "Do not show progress on standard error (a bar on a terminal,"
      + " a line per step elsewhere).")
  private boolean noProgress;

  @Override
  public Integer call() {
    FaultBenchOptions options;
    try {
      options = FaultBenchOptions.defaults().withLoad(duration).withWorkDirectory(workDirectory);
      if (!scenarios.isEmpty()) {
        options = options.withScenarios(scenarios);
      }
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
    Terminal terminal = Terminal.of(spec);
    PrintStream out = BenchLines.stream(terminal.out(), format.json());
    List<FaultReport> reports = FaultBench.run(options, line -> {
      out.println(line);
      out.flush();
    }, noProgress ? BenchProgress.NONE : Progress.on(terminal, "bench faults"));
    List<String> defective = reports.stream().filter(report -> !report.clean()).map(FaultReport::scenario).toList();
    if (defective.isEmpty()) {
      return ExitCodes.OK;
    }
    terminal.err().println("cairn: lost, duplicated or falsely failed writes in: " + String.join(", ", defective));
    return ExitCodes.FAILURE;
  }
}
