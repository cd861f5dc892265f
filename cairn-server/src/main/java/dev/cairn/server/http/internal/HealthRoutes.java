package dev.cairn.server.http.internal;

import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: the database and the key-value store, each up or down with its round-trip latency; 200 when
 * both are up, 503 otherwise. Open without a token (load balancers probe it), so it shows no table or key.
 */
public final class HealthRoutes {
  private final Database database;
  private final KeyValue store;

  public HealthRoutes(Database database, KeyValue store) {
    this.database = database;
    this.store = store;
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", this::health);
  }

  private void health(Context ctx) {
    Health db = database.health();
    Map<String, Object> dbPart = new LinkedHashMap<>();
    dbPart.put("status", db.up() ? "up" : "down");
    dbPart.put("dialect", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
    dbPart.put("latency_ms", millis(db.latency()));
    Map<String, Object> kvPart = new LinkedHashMap<>();
    boolean kvUp;
    try {
      Duration latency = store.ping();
      kvUp = true;
      kvPart.put("status", "up");
      kvPart.put("latency_ms", millis(latency));
    } catch (CairnException e) {
      kvUp = false;
      kvPart.put("status", "down");
      kvPart.put("error", e.code());
    }
    boolean up = db.up() && kvUp;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "up" : "down");
    body.put("database", dbPart);
    body.put("kv", kvPart);
    Responses.json(ctx, up ? 200 : 503, body);
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }
}
