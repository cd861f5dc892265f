package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.http.HttpBench;
import dev.cairn.bench.http.HttpBenchOptions;
import dev.cairn.bench.http.HttpBenchResult;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench http}: starts the admin API on a free loopback port over the database and runs
 * {@link HttpBench} once per connection count, printing a line
 * {@code http.page50 conns=<n> req_s=<n> p50_ms=<n> p99_ms=<n> direct_ops_s=<n> ratio=<r> cairn_alloc_b_op=<b>
 * direct_alloc_b_op=<b>} for each.
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = {
      "Load the admin API's table endpoint with concurrent clients, then the same query through the library.",
      "GET /api/v1/db/tables/users?page=..&page_size=50 (wrk, or clients in this JVM), and the page and its total",
      "through the library rendered to JSON bytes, in interleaved rounds; one line per connection count, from the",
      "round with the median ratio:",
      "  http.page50 conns=<n> req_s=<n> p50_ms=<n> p99_ms=<n> direct_ops_s=<n> ratio=<r>",
      "    cairn_alloc_b_op=<b> direct_alloc_b_op=<b>",
      "(alloc_b_op: heap bytes this JVM allocated per request / per direct query over all measured windows).",
      "Progress goes to standard error: a bar on a terminal, else a line per step",
      "('bench http: http page50 round 1/3')."
    })
final class HttpBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputFormat format;

  @Option(names = "--db", paramLabel = "URL",
      description = "Database (default: a fresh SQLite file in a temporary directory); users is created if missing.")
  private String dbUrl;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10000",
      description = "Rows when users is created (default: ${DEFAULT-VALUE}).")
  private int rows;

  @Option(names = "--connections", paramLabel = "C", split = ",", defaultValue = "50,200",
      description = "Concurrent clients, one line per count (default: ${DEFAULT-VALUE}).")
  private List<Integer> connections;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
      description = "Measured seconds per side in each round (default: ${DEFAULT-VALUE}).")
  private int seconds;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
      description = "Interleaved HTTP and direct windows, the order swapped each round; the line shows the round"
          + " with the median ratio (default: ${DEFAULT-VALUE}).")
  private int rounds;

  // The first line measured a JVM that was still compiling: with 2 s of warm-up the JIT compiler used a third of a
  // core through the measured window and conns=50 answered 1,300-2,500 req/s, against 4,000-4,200 once warm.
  @Option(names = "--warmup", paramLabel = "S", defaultValue = "60",
      description = "Most seconds of untimed load on each side before it is measured; the warm-up ends earlier, once"
          + " the JIT compiler is quiet (default: ${DEFAULT-VALUE}).")
  private int warmup;

  @Option(names = "--loader", paramLabel = "L", defaultValue = "auto",
      description = "Load generator: auto (wrk when installed, else java), wrk, java (default: ${DEFAULT-VALUE}).")
  private String loader;

  @Option(names = "--no-progress", description = "Do not show progress on standard error (a bar on a terminal,"
      + " a line per step elsewhere).")
  private boolean noProgress;

  @Override
  public Integer call() throws IOException {
    List<HttpBenchOptions> runs = new ArrayList<>();
    try {
      if (warmup < 0) {
        throw new InvalidInputException("INVALID_OPTION", "--warmup must be >= 0, was " + warmup);
      }
      for (int count : connections) {
        runs.add(new HttpBenchOptions(rows, count, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
            loader(), rounds));
      }
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
    Path scratch = dbUrl == null ? Files.createTempDirectory("cairn-bench-http") : null;
    String url = scratch == null ? checked(dbUrl) : "sqlite:" + scratch.resolve("bench.db");
    try (Database database = Database.open(url)) {
      for (HttpBenchOptions options : runs) {
        HttpBenchResult result = HttpBench.run(options, database,
            noProgress ? BenchProgress.NONE : Progress.on(Terminal.of(spec), "bench http"));
        // The note goes to stderr so stdout stays the documented lines.
        Terminal.of(spec).err().println("cairn: http load generated by "
            + result.loader().name().toLowerCase(Locale.ROOT) + " with " + options.connections() + " connections");
        BenchLines.stream(Terminal.of(spec).out(), format.json()).println(result.format());
      }
    } finally {
      if (scratch != null) {
        delete(scratch);
      }
    }
    return ExitCodes.OK;
  }

  private HttpBenchOptions.Loader loader() {
    try {
      return HttpBenchOptions.Loader.valueOf(loader.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("INVALID_OPTION", "--loader must be auto, wrk or java, was '" + loader + "'",
          e);
    }
  }

  private String checked(String url) {
    try {
      if (!StoreUrl.parse(url).kind().isSql()) {
        throw UsageErrors.invalidArgument(spec, "--db needs a SQL database URL, got " + StoreUrl.parse(url), null);
      }
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "--db: " + e.getMessage(), e);
    }
    return url;
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
