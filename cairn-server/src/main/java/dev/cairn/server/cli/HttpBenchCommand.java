package dev.cairn.server.cli;

import dev.cairn.bench.http.HttpBench;
import dev.cairn.bench.http.HttpBenchOptions;
import dev.cairn.bench.http.HttpTarget;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.sql.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench http}: starts the admin API on a free loopback port over the database and runs
 * {@link HttpBench}, printing {@code http.page50 req_s=<n> p50_ms=<n> p99_ms=<n> direct_ops_s=<n>}.
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = {
      "Load GET /api/v1/db/tables/users?page=..&page_size=50 with concurrent clients in this JVM, then run the same",
      "query through the library, and print one line:",
      "  http.page50 req_s=<n> p50_ms=<n> p99_ms=<n> direct_ops_s=<n>"
    })
final class HttpBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--db", paramLabel = "URL",
      description = "Database (default: a fresh SQLite file in a temporary directory); users is created if missing.")
  private String dbUrl;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10000",
      description = "Rows when users is created (default: ${DEFAULT-VALUE}).")
  private int rows;

  @Option(names = "--connections", paramLabel = "C", defaultValue = "50",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  private int connections;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
      description = "Measured seconds per side (default: ${DEFAULT-VALUE}; 2 s warm-up each).")
  private int seconds;

  @Override
  public Integer call() throws IOException {
    HttpBenchOptions options;
    try {
      options = new HttpBenchOptions(rows, connections, Duration.ofSeconds(2), Duration.ofSeconds(seconds));
    } catch (IllegalArgumentException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
    Path scratch = dbUrl == null ? Files.createTempDirectory("cairn-bench-http") : null;
    String url = scratch == null ? checked(dbUrl) : "sqlite:" + scratch.resolve("bench.db");
    try (Database database = Database.open(url)) {
      Terminal.of(spec).out().println(HttpBench.run(options, database, HttpBenchCommand::serve).format());
    } finally {
      if (scratch != null) {
        delete(scratch);
      }
    }
    return ExitCodes.OK;
  }

  // Read-only and without a token: the workload only reads, and the server listens on loopback only.
  private static HttpTarget serve(Database database) {
    KeyValue store = KeyValue.open("memory:");
    AdminServer server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0), database, store);
    return new HttpTarget() {
      @Override
      public URI baseUrl() {
        return URI.create(server.url());
      }

      @Override
      public void close() {
        server.close();
        store.close();
      }
    };
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
