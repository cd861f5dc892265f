package dev.cairn.cli;

import dev.cairn.core.UnavailableException;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn db status}: whether the database answers, how fast, and what it holds. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show whether the database answers, its round-trip latency, version, pool and tables.")
final class DbStatusCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private DatabaseOption database;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (Database db = database.open(spec)) {
      Health health = db.health();
      if (!health.up()) {
        throw new UnavailableException("DATABASE_DOWN", "database " + health.url() + " is down: " + health.error(),
            Map.of("url", health.url()), null);
      }
      List<String> tables = db.schema().tables().orElseThrow();
      print(Terminal.of(spec).out(), health, tables);
      return ExitCodes.OK;
    }
  }

  private void print(PrintStream out, Health health, List<String> tables) {
    // The same names as the HTTP API's /api/v1/db/status, so scripts can read either.
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", "connected");
    status.put("engine", health.url());
    status.put("dialect", health.dialect().name().toLowerCase(Locale.ROOT));
    status.put("server_version", health.serverVersion());
    // Microsecond resolution: finer digits are noise for a round trip through a pool.
    status.put("latency_ms", health.latency().toNanos() / 1000 / 1000.0);
    status.put("pool", Map.of("active", health.activeConnections(), "idle", health.idleConnections(),
        "waiting", health.waitingThreads()));
    status.put("table_count", tables.size());
    status.put("tables", tables);
    if (format.json()) {
      OutputFormat.printJson(out, status);
      return;
    }
    out.println("status:          connected");
    out.println("engine:          " + health.url());
    out.println("dialect:         " + status.get("dialect"));
    out.println("server version:  " + DisplayValue.of(health.serverVersion(), 0));
    out.println("latency:         " + String.format(Locale.ROOT, "%.2f ms", status.get("latency_ms")));
    out.println("pool:            " + health.activeConnections() + " active, " + health.idleConnections() + " idle, "
        + health.waitingThreads() + " waiting");
    out.println("tables:          " + tables.size()
        + (tables.isEmpty() ? "" : " (" + DisplayValue.text(String.join(", ", tables), 200) + ")"));
  }
}
