package dev.cairn.server.http.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Schema;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /api/v1/db} endpoints on the default database or the one named by {@code ?db=}: status, readiness,
 * tables, schema, paged rows, the streamed export of a table view ({@link TableExport}) and row CRUD.
 * Table and column names from the request only ever reach {@link Rows} and {@link Schema}, which check them
 * against the live schema and quote them; values are bound there. Every database call runs in the database's
 * {@link DatabaseLanes} (reads and writes apart), never on the request's virtual thread; the request is parsed
 * before, the response written after. Row writes take an {@code Idempotency-Key} ({@link IdempotentWrites}).
 */
public final class DbRoutes {
  static final String MODULE = "cairn.db";
  // The seed reports how its startup initialization went. Cairn initializes when the database is opened, before
  // the server listens (a failure stops the start), and creates nothing then, so an answering server is complete.
  private static final Map<String, Object> INITIALIZED = initialization();
  private final DatabaseResolver databases;
  private final TableQueryParser queries;
  private final DatabaseLanes lanes;
  private final HealthChecks checks;
  private final IdempotentWrites idempotent;
  private final TableExport export;

  public DbRoutes(DatabaseResolver databases, int maxPageSize, DatabaseLanes lanes, HealthChecks checks,
      IdempotentWrites idempotent) {
    this.databases = databases;
    this.queries = new TableQueryParser(maxPageSize);
    this.lanes = lanes;
    this.checks = checks;
    this.idempotent = idempotent;
    this.export = new TableExport(databases, queries, lanes);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/db/status", inModule(this::status));
    routes.get("/api/v1/db/is-ready", inModule(this::isReady));
    routes.get("/api/v1/db/tables", inModule(this::tables));
    routes.get("/api/v1/db/tables/{table}", inModule(this::rows));
    routes.post("/api/v1/db/tables/{table}", idempotent.wrap(inModule(this::insert)));
    routes.get("/api/v1/db/tables/{table}/schema", inModule(this::schema));
    routes.get(TableExport.PATH, inModule(export::handle));
    routes.get("/api/v1/db/tables/{table}/rows/{id}", inModule(this::find));
    routes.patch("/api/v1/db/tables/{table}/rows/{id}", idempotent.wrap(inModule(this::update)));
    routes.delete("/api/v1/db/tables/{table}/rows/{id}", idempotent.wrap(inModule(this::delete)));
  }

  private static Handler inModule(Handler handler) {
    return ErrorHandling.inModule(MODULE, handler);
  }

  private static Map<String, Object> initialization() {
    Map<String, Object> initialization = new LinkedHashMap<>();
    initialization.put("status", "completed");
    initialization.put("initialized", true);
    initialization.put("error", null);
    return java.util.Collections.unmodifiableMap(initialization);
  }

  private void status(Context ctx) {
    Database database = databases.resolve(ctx);
    Map<String, Object> body = lanes.read(ctx, database, () -> {
      Health health = database.health();
      if (!health.up()) {
        throw new ApiError(503, "DATABASE_UNAVAILABLE", "the database is not reachable", MODULE,
            Map.of("engine", health.url()));
      }
      List<String> tables = Results.value(database.schema().tables(), MODULE);
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("status", "connected");
      status.put("engine", database.url().redacted());
      status.put("dialect", health.dialect().name().toLowerCase(Locale.ROOT));
      status.put("server_version", health.serverVersion());
      status.put("latency_ms", health.latency().toNanos() / 1e6);
      status.put("tables", tables);
      status.put("table_count", tables.size());
      status.put("initialization", INITIALIZED);
      return status;
    });
    Responses.ok(ctx, body);
  }

  // Bounded like /health (not queued behind requests): ready unless the database is down.
  private void isReady(Context ctx) {
    HealthChecks.Verdict verdict = checks.database(databases.resolve(ctx));
    if (verdict.state() == HealthChecks.State.DOWN) {
      Responses.json(ctx, 503, Map.of("ready", false, "status", "unavailable"));
      return;
    }
    Responses.ok(ctx, Map.of("ready", true, "status", "ready"));
  }

  private void tables(Context ctx) {
    Database database = databases.resolve(ctx);
    List<String> tables = lanes.read(ctx, database, () -> Results.value(database.schema().tables(), MODULE));
    Responses.ok(ctx, Map.of("success", true, "tables", tables));
  }

  private void schema(Context ctx) {
    Database database = databases.resolve(ctx);
    String name = ctx.pathParam("table");
    Schema.TableInfo table = lanes.read(ctx, database, () -> Results.value(database.schema().table(name), MODULE));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("table", table.name());
    body.put("columns", table.columns());
    body.put("primary_key", table.primaryKey());
    body.put("indexes", table.indexes());
    body.put("foreign_keys", table.foreignKeys());
    body.put("row_count", table.rowCount());
    body.put("size_bytes", table.sizeBytes());
    body.put("schema_definition", definition(table));
    Responses.ok(ctx, body);
  }

  // The seed's schema_definition: per column its type, nullability, default and primary-key membership, in
  // snake_case, keyed by column name in table order.
  private static Map<String, Object> definition(Schema.TableInfo table) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (Schema.ColumnInfo column : table.columns()) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("type", column.type());
      definition.put("nullable", column.nullable());
      definition.put("default", column.defaultValue());
      definition.put("primary_key", table.primaryKey().contains(column.name()));
      definition.put("auto_increment", column.autoIncrement());
      columns.put(column.name(), definition);
    }
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("table_name", table.name());
    definition.put("columns", columns);
    definition.put("primary_key", table.primaryKey());
    return definition;
  }

  private void rows(Context ctx) {
    Query query = queries.parse(ctx.queryParamMap());
    Database database = databases.resolve(ctx);
    String table = ctx.pathParam("table");
    Rows rows = database.rows(table);
    Page<Map<String, Object>> page = lanes.read(ctx, database, () -> Results.value(rows.query(query), MODULE));
    PageAnswer.write(ctx, table, page);
  }

  private void insert(Context ctx) {
    Map<String, Object> row = RequestBodies.fields(ctx, MODULE);
    Database database = databases.resolve(ctx);
    Rows rows = database.rows(ctx.pathParam("table"));
    Map<String, Object> inserted = lanes.write(ctx, database, () -> Results.value(rows.insert(row), MODULE));
    Responses.json(ctx, 201, Map.of("success", true, "record", inserted));
  }

  private void find(Context ctx) {
    Database database = databases.resolve(ctx);
    Rows rows = database.rows(ctx.pathParam("table"));
    String id = ctx.pathParam("id");
    Map<String, Object> row = lanes.read(ctx, database, () -> Results.value(rows.find(id), MODULE));
    Responses.ok(ctx, Map.of("success", true, "record", row));
  }

  private void update(Context ctx) {
    Map<String, Object> changes = RequestBodies.fields(ctx, MODULE);
    if (changes.isEmpty()) {
      throw ApiError.badRequest("EMPTY_CHANGES", "the body names no column to change", MODULE);
    }
    Database database = databases.resolve(ctx);
    Rows rows = database.rows(ctx.pathParam("table"));
    String id = ctx.pathParam("id");
    Map<String, Object> row = lanes.write(ctx, database, () -> Results.value(rows.update(id, changes), MODULE));
    Responses.ok(ctx, Map.of("success", true, "record", row));
  }

  private void delete(Context ctx) {
    Database database = databases.resolve(ctx);
    Rows rows = database.rows(ctx.pathParam("table"));
    String id = ctx.pathParam("id");
    lanes.write(ctx, database, () -> Results.value(rows.delete(id), MODULE));
    Responses.ok(ctx, Map.of("success", true, "deleted", true));
  }
}
