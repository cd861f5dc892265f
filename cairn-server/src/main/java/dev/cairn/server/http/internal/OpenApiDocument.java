package dev.cairn.server.http.internal;

import static dev.cairn.server.http.internal.JsonSchemas.mapOf;
import static dev.cairn.server.http.internal.JsonSchemas.ref;
import static dev.cairn.server.http.internal.JsonSchemas.string;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of the admin API, served at {@code GET /api/v1/openapi.json}: complete enough to
 * generate a client from (typed parameters, request bodies, a schema for every response, the errors each operation
 * gives, operationIds). Written by hand, one {@link ApiOperation} per route, by area ({@link OpenApiDbPaths},
 * {@link OpenApiStorePaths}; shared schemas in {@link OpenApiSchemas}). Tests compare it with the routes the server
 * really registers, parse it with an OpenAPI parser, and validate real responses against it, so neither can drift.
 */
public final class OpenApiDocument {
  public static final String PATH = "/api/v1/openapi.json";

  private static final String DESCRIPTION = "Keys are snake_case. Every 2xx JSON object has \"success\": "
      + "true; errors are {\"success\": false, \"error\": {\"code\", \"message\", \"module\", \"details\"}}. A 503 means try again and carries Retry-After (seconds): OVERLOADED (the request queue of "
      + "a database is full), DEADLINE_EXCEEDED (the request waited past its deadline for a database thread; nothing "
      + "was done), a database or key-value store unavailable, CONNECTION_LOST or COMMIT_OUTCOME_UNKNOWN (a write "
      + "may or may not have been applied). Writes of rows, keys and subjects take an Idempotency-Key header (1 to "
      + IdempotentWrites.MAX_KEY_LENGTH + " characters of A-Z a-z 0-9 . _ : ~ + / = -): the first request with a key "
      + "runs and its answer is kept for the retention period (24 h by default); the same request again gets that "
      + "answer (Idempotent-Replayed: true) without writing again, so a client may retry after a timeout or a lost "
      + "connection; while the first still runs a repeat gets 409 IDEMPOTENCY_KEY_IN_USE, the key with another "
      + "method, path or body 422 IDEMPOTENCY_KEY_REUSED, a malformed key 400 INVALID_IDEMPOTENCY_KEY. A refusal "
      + "before anything ran (OVERLOADED, DEADLINE_EXCEEDED) frees the key; any other answer is kept, including "
      + "COMMIT_OUTCOME_UNKNOWN: check the data, then use a new key.";

  private final String json;

  /**
   * @param version the server's version, shown in {@code info}
   * @param maxPageSize the largest page a table or key listing may ask for (the maximum of page_size and limit)
   */
  public OpenApiDocument(String version, int maxPageSize) {
    this.json = dev.cairn.core.Json.write(document(version, maxPageSize));
  }

  /** The document as served. */
  String json() {
    return json;
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    ctx.contentType(Responses.JSON).result(json);
  }

  /** Every documented operation, in the document's order. */
  static List<ApiOperation> operations(int maxPageSize) {
    List<ApiOperation> operations = new ArrayList<>(ops());
    operations.addAll(OpenApiDbPaths.operations(maxPageSize));
    operations.addAll(OpenApiStorePaths.operations(maxPageSize));
    return operations;
  }

  private static List<ApiOperation> ops() {
    return List.of(
        ApiOperation.get("/health", "ops", "getHealth", "Database and key-value health with latency: up, degraded "
            + "(slow, busy, queue full; 200 with a reason) or down (503); answers within the health timeout").open()
            .ok(200, "up or degraded", ref("Health")).ok(503, "down", ref("Health")),
        ApiOperation.get("/metrics", "ops", "getMetrics", "Prometheus metrics")
            .ok(200, "the Prometheus text format", "text/plain", string()),
        ApiOperation.get(PATH, "ops", "getOpenApiDocument", "This document")
            .ok(200, "the OpenAPI document", mapOf(Map.of())),
        ApiOperation.get("/", "console", "getConsole",
            "The web console's page (no data; it uses this API from the browser)").open()
            .ok(200, "the page", "text/html", string()),
        ApiOperation.get("/console/{version}/{file}", "console", "getConsoleFile",
            "A script or style of the web console, cached for a year (the version changes with the files)").open()
            .ok(200, "the file", "text/javascript", string()).ok(200, "the file", "text/css", string()).errors(404));
  }

  private static Map<String, Object> document(String version, int maxPageSize) {
    Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
    for (ApiOperation operation : operations(maxPageSize)) {
      paths.computeIfAbsent(operation.path(), path -> new LinkedHashMap<>())
          .put(operation.method(), operation.toMap());
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.1.0");
    document.put("info", Map.of("title", "Cairn admin API", "version", version, "description", DESCRIPTION,
        "license", Map.of("name", "Apache-2.0", "identifier", "Apache-2.0")));
    document.put("servers", List.of(Map.of("url", "/",
        "description", "the server that serves this document (cairn serve; http://127.0.0.1:8080 by default)")));
    document.put("tags", List.of(tag("ops", "Health, metrics and this document"),
        tag("console", "The web console's files"), tag("db", "The SQL database: tables, rows, migrations, SQL"),
        tag("kv", "The key-value store"), tag("subjects", "Subjects: properties of named things"),
        tag("vectors", "Vector collections and nearest-neighbour search")));
    document.put("paths", paths);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", OpenApiSchemas.all());
    components.put("responses", OpenApiResponses.responses());
    components.put("parameters", OpenApiResponses.parameters());
    components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer",
        "description", "the admin token the server was started with (CAIRN_ADMIN_TOKEN); it protects reads too")));
    document.put("components", components);
    document.put("security", List.of(Map.of("bearer", List.of())));
    return document;
  }

  private static Map<String, Object> tag(String name, String description) {
    return Map.of("name", name, "description", description);
  }
}
