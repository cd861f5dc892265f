package dev.cairn.server.http.internal;

import dev.cairn.sql.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /health}: the database and the key-value store, each "up", "degraded" (slow, busy, queue full; with
 * the reason) or "down" (cannot be reached), with its round-trip latency, and for the database the admin API's
 * calls running and waiting for a thread. The overall status is the worst of the
 * two; 200 unless one is down, 503 then. It answers within the health timeout whatever the database does (see
 * {@link HealthChecks}). Open without a token (load balancers probe it), so it shows no table or key.
 */
public final class HealthRoutes {
  private final Database database;
  private final HealthChecks checks;

  public HealthRoutes(Database database, HealthChecks checks) {
    this.database = database;
    this.checks = checks;
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", this::health);
  }

  private void health(Context ctx) {
    HealthChecks.Verdict db = checks.database(database);
    HealthChecks.Verdict kv = checks.kv();
    Map<String, Object> dbPart = new LinkedHashMap<>();
    dbPart.put("status", name(db.state()));
    dbPart.put("dialect", database.dialect().name().toLowerCase(Locale.ROOT));
    dbPart.put("latency_ms", millis(db.latency()));
    if (db.reason() != null) {
      dbPart.put("reason", db.reason());
    }
    dbPart.put("calls_running", db.load().running());
    dbPart.put("calls_waiting", db.load().queued());
    Map<String, Object> kvPart = new LinkedHashMap<>();
    kvPart.put("status", name(kv.state()));
    if (kv.errorCode() != null) {
      kvPart.put("error", kv.errorCode());
    } else {
      kvPart.put("latency_ms", millis(kv.latency()));
    }
    if (kv.reason() != null && kv.state() == HealthChecks.State.DEGRADED) {
      kvPart.put("reason", kv.reason());
    }
    HealthChecks.State overall = db.state().compareTo(kv.state()) >= 0 ? db.state() : kv.state();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", name(overall));
    body.put("database", dbPart);
    body.put("kv", kvPart);
    Responses.json(ctx, overall == HealthChecks.State.DOWN ? 503 : 200, body);
  }

  static String name(HealthChecks.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static Double millis(Duration duration) {
    return duration == null ? null : duration.toNanos() / 1e6;
  }
}
