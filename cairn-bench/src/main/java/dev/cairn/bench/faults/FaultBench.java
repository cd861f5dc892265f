package dev.cairn.bench.faults;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.faults.internal.Commands;
import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The fault suite of {@code cairn bench faults}: each scenario runs a load against Cairn, injects one fault (a
 * process killed with SIGKILL, another process holding the SQLite write lock, a server restarted, a lock holder
 * paused past its lease, a saturated server) and counts, from outside, what the clients were told against what is
 * stored. One line per scenario:
 *
 * <pre>
 * fault.&lt;scenario&gt; attempts=N acked=N lost=N duplicated=N false_failures=N max_wait_ms=N [detail=value ...]
 * </pre>
 *
 * <p>See {@link FaultReport} for what each figure counts. Servers that are killed or restarted are private ones,
 * started from the installed binaries on free loopback ports; the machine's shared servers are not touched. The
 * HTTP scenarios start {@code cairn serve} in a child JVM by its main class, {@value #SERVER_MAIN_CLASS}, which must
 * be on the class path (it is in {@code cairn.jar}; this module does not depend on the server module).
 */
public final class FaultBench {
  /** The main class of the {@code cairn} command, started as a child JVM by the HTTP scenarios. */
  public static final String SERVER_MAIN_CLASS = "dev.cairn.cli.Main";

  private static final Map<String, Supplier<Scenario>> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("sqlite_kill9", SqliteKill9::new);
    FACTORIES.put("sqlite_lock_holder", SqliteLockHolderScenario::new);
    FACTORIES.put("http_kill9", HttpKill9::new);
    FACTORIES.put("postgres_restart", PostgresRestart::new);
    FACTORIES.put("redis_restart_aof", RedisRestartAof::new);
    FACTORIES.put("lock_pause", LockPause::new);
    FACTORIES.put("saturation", Saturation::new);
  }

  /** Every scenario's name, in the order {@link #run} runs them by default. */
  public static final List<String> SCENARIOS = List.copyOf(FACTORIES.keySet());

  private FaultBench() {}

  /**
   * Runs the chosen scenarios one after the other, handing each line to {@code out} as soon as it is measured.
   *
   * @return the reports, in the order run
   * @throws CairnException {@code FAULT_SCENARIO_FAILED} when a scenario could not run (a binary not installed, a
   *     server that does not start); the lines of the scenarios before it have been handed out
   */
  public static List<FaultReport> run(FaultBenchOptions options, Consumer<String> out) {
    return run(options, out, BenchProgress.NONE);
  }

  /**
   * As {@link #run(FaultBenchOptions, Consumer)}, telling {@code bar} each scenario as a step
   * ({@code sqlite_kill9 1/7}); the bar is cleared before each line.
   */
  public static List<FaultReport> run(FaultBenchOptions options, Consumer<String> out, BenchProgress bar) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(bar, "bar");
    List<FaultReport> reports = new ArrayList<>();
    List<String> scenarios = options.scenarios();
    try {
      for (int i = 0; i < scenarios.size(); i++) {
        String scenario = scenarios.get(i);
        bar.step(scenario + " " + (i + 1) + "/" + scenarios.size());
        FaultReport report = withLoadTicking(bar, options.load(),
            () -> run(scenario, options.load(), options.workDirectory()));
        reports.add(report);
        bar.clear();
        out.accept(report.line());
      }
      return reports;
    } finally {
      bar.clear();
    }
  }

  /**
   * Runs {@code scenario} while another thread tells {@code bar} every 200 ms how much of the load time has passed
   * (a scenario's setup and checks come on top, so the bar may wait at 100%). The ticker is stopped before this
   * returns, so the bar is only ever told by one thread at a time.
   */
  private static FaultReport withLoadTicking(BenchProgress bar, Duration load, Supplier<FaultReport> scenario) {
    long start = System.nanoTime();
    long nanos = load.toNanos();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cairn-fault-progress");
      thread.setDaemon(true);
      return thread;
    });
    ticker.scheduleAtFixedRate(() -> bar.update(Math.min(nanos, System.nanoTime() - start), nanos), 200, 200,
        TimeUnit.MILLISECONDS);
    try {
      return scenario.get();
    } finally {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs one scenario in a fresh directory under {@code workDirectory} (or a temporary one), deleted afterwards.
   *
   * @throws CairnException as {@link #run(FaultBenchOptions, Consumer)}
   */
  public static FaultReport run(String scenario, Duration load, Path workDirectory) {
    Supplier<Scenario> factory = FACTORIES.get(scenario);
    if (factory == null) {
      throw new InvalidInputException("UNKNOWN_SCENARIO", "no fault scenario '" + scenario
          + "'; known: " + String.join(", ", SCENARIOS));
    }
    Path directory;
    try {
      directory = workDirectory == null ? Files.createTempDirectory("cairn-fault-" + scenario)
          : Files.createTempDirectory(Files.createDirectories(workDirectory), scenario);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for fault scenario " + scenario, e);
    }
    boolean done = false;
    try {
      FaultReport report = factory.get().run(load, directory);
      done = true;
      return report;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException(Status.ERROR, "INTERRUPTED", "fault scenario " + scenario + " was interrupted",
          Map.of(), e);
    } catch (Exception e) {
      throw new CairnException(Status.ERROR, "FAULT_SCENARIO_FAILED", "fault scenario " + scenario
          + " could not run: " + e.getMessage() + " (files kept in " + directory + ")", Map.of("scenario", scenario),
          e);
    } finally {
      if (done) {
        deleteQuietly(directory);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      Commands.deleteTree(directory);
    } catch (IOException e) {
      System.err.println("cairn: could not delete " + directory + ": " + e.getMessage());
    }
  }
}
