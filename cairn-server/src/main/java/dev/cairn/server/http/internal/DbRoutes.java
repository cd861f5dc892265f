package dev.cairn.server.http.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Schema;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /api/v1/db} endpoints on the default database or the one named by {@code ?db=}: status, readiness,
 * tables, schema, paged rows and row CRUD.
 * Table and column names from the request only ever reach {@link Rows} and {@link Schema}, which check them
 * against the live schema and quote them; values are bound there.
 */
public final class DbRoutes {
  static final String MODULE = "cairn.db";
  private final DatabaseResolver databases;
  private final TableQueryParser queries;

  public DbRoutes(DatabaseResolver databases, int maxPageSize) {
    this.databases = databases;
    this.queries = new TableQueryParser(maxPageSize);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/db/status", this::status);
    routes.get("/api/v1/db/is-ready", this::isReady);
    routes.get("/api/v1/db/tables", this::tables);
    routes.get("/api/v1/db/tables/{table}", this::rows);
    routes.post("/api/v1/db/tables/{table}", this::insert);
    routes.get("/api/v1/db/tables/{table}/schema", this::schema);
    routes.get("/api/v1/db/tables/{table}/rows/{id}", this::find);
    routes.patch("/api/v1/db/tables/{table}/rows/{id}", this::update);
    routes.delete("/api/v1/db/tables/{table}/rows/{id}", this::delete);
  }

  private void status(Context ctx) {
    Database database = databases.resolve(ctx);
    Health health = database.health();
    if (!health.up()) {
      throw new ApiError(503, "DATABASE_UNAVAILABLE", "the database is not reachable", MODULE,
          Map.of("engine", health.url()));
    }
    List<String> tables = Results.value(database.schema().tables(), MODULE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "connected");
    body.put("engine", database.url().redacted());
    body.put("dialect", health.dialect().name().toLowerCase(java.util.Locale.ROOT));
    body.put("server_version", health.serverVersion());
    body.put("latency_ms", health.latency().toNanos() / 1e6);
    body.put("tables", tables);
    body.put("table_count", tables.size());
    Responses.ok(ctx, body);
  }

  private void isReady(Context ctx) {
    Health health = databases.resolve(ctx).health();
    if (!health.up()) {
      Responses.json(ctx, 503, Map.of("ready", false, "status", "unavailable"));
      return;
    }
    Responses.ok(ctx, Map.of("ready", true, "status", "ready"));
  }

  private void tables(Context ctx) {
    Responses.ok(ctx, Map.of("success", true, "tables", Results.value(databases.resolve(ctx).schema().tables(), MODULE)));
  }

  private void schema(Context ctx) {
    Schema.TableInfo table = Results.value(databases.resolve(ctx).schema().table(ctx.pathParam("table")),
        MODULE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("table", table.name());
    body.put("columns", table.columns());
    body.put("primary_key", table.primaryKey());
    body.put("indexes", table.indexes());
    body.put("foreign_keys", table.foreignKeys());
    body.put("row_count", table.rowCount());
    body.put("size_bytes", table.sizeBytes());
    Responses.ok(ctx, body);
  }

  private void rows(Context ctx) {
    Query query = queries.parse(ctx.queryParamMap());
    Page<Map<String, Object>> page = Results.value(rowsOf(ctx).query(query), MODULE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("table", ctx.pathParam("table"));
    body.put("page", page.page());
    body.put("page_size", page.pageSize());
    body.put("total_records", page.total().isPresent() ? page.total().getAsLong() : null);
    body.put("records", page.items());
    body.put("next", page.next().map(Object::toString).orElse(null));
    Responses.ok(ctx, body);
  }

  private void insert(Context ctx) {
    Map<String, Object> row = RequestBodies.flatObject(ctx, MODULE);
    Rows rows = rowsOf(ctx);
    Responses.json(ctx, 201, Map.of("success", true, "record", Results.value(rows.insert(row), MODULE)));
  }

  private void find(Context ctx) {
    Map<String, Object> row = Results.value(rowsOf(ctx).find(ctx.pathParam("id")), MODULE);
    Responses.ok(ctx, Map.of("success", true, "record", row));
  }

  private void update(Context ctx) {
    Map<String, Object> changes = RequestBodies.flatObject(ctx, MODULE);
    if (changes.isEmpty()) {
      throw ApiError.badRequest("EMPTY_CHANGES", "the body names no column to change", MODULE);
    }
    Map<String, Object> row = Results.value(rowsOf(ctx).update(ctx.pathParam("id"), changes), MODULE);
    Responses.ok(ctx, Map.of("success", true, "record", row));
  }

  private void delete(Context ctx) {
    Results.value(rowsOf(ctx).delete(ctx.pathParam("id")), MODULE);
    Responses.ok(ctx, Map.of("success", true, "deleted", true));
  }

  private Rows rowsOf(Context ctx) {
    return databases.resolve(ctx).rows(ctx.pathParam("table"));
  }
}
