package dev.cairn.server.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of the admin API, served at {@code GET /api/v1/openapi.json}. Written by hand, one
 * entry per operation; a test compares it with the routes the server really registers, so neither can drift.
 */
public final class OpenApiDocument {
  public static final String PATH = "/api/v1/openapi.json";
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

  /** One documented operation. */
  record Operation(String method, String path, String tag, String summary, List<String> queryParams) {}

  static final List<Operation> OPERATIONS = List.of(
      new Operation("get", "/health", "ops", "Database and key-value health with latency: up, degraded (slow, busy, "
          + "queue full; 200 with a reason) or down (503); answers within the health timeout", List.of()),
      new Operation("get", "/metrics", "ops", "Prometheus metrics", List.of()),
      new Operation("get", PATH, "ops", "This document", List.of()),
      new Operation("get", "/", "console", "The web console's page (no data; it uses this API from the browser)",
          List.of()),
      new Operation("get", "/console/{version}/{file}", "console",
          "A script or style of the web console, cached for a year (the version changes with the files)", List.of()),
      new Operation("get", "/api/v1/db/status", "db", "Connection status, engine (password masked) and tables",
          List.of()),
      new Operation("get", "/api/v1/db/is-ready", "db", "Whether the database answers", List.of()),
      new Operation("get", "/api/v1/db/tables", "db", "Table names", List.of()),
      new Operation("get", "/api/v1/db/tables/{table}", "db",
          "A page of rows; sort_by=a,-b (repeatable; '-' for descending, or sort_desc=true or one per column: "
              + "false,true); other parameters are column filters col=op.value (eq, neq, gt, gte, lt, lte, like, "
              + "in.(a,b), is.null, not.*)",
          List.of("page", "page_size", "sort_by", "sort_desc", "filter_column", "filter_value", "cursor")),
      new Operation("post", "/api/v1/db/tables/{table}", "db", "Insert a row (JSON object)", List.of()),
      new Operation("get", "/api/v1/db/tables/{table}/schema", "db", "Columns, keys, indexes, row count",
          List.of()),
      new Operation("get", "/api/v1/db/tables/{table}/rows/{id}", "db", "One row by primary key", List.of()),
      new Operation("patch", "/api/v1/db/tables/{table}/rows/{id}", "db", "Change columns of one row", List.of()),
      new Operation("delete", "/api/v1/db/tables/{table}/rows/{id}", "db", "Delete one row", List.of()),
      new Operation("get", "/api/v1/db/databases", "db", "The registry's named databases and their health",
          List.of()),
      new Operation("get", "/api/v1/db/migrations/status", "db",
          "Applied, pending and failed migrations with checksums (?db=name, default framework)", List.of()),
      new Operation("post", "/api/v1/db/migrations/generate", "db",
          "Write the next V/U scripts from the record models: {\"message\", \"allow_destructive\"}", List.of()),
      new Operation("post", "/api/v1/db/migrations/run", "db", "Apply pending migrations: {\"target\"} optional, \"head\" for all",
          List.of()),
      new Operation("post", "/api/v1/db/migrations/downgrade", "db", "Apply undo scripts down to {\"target\"}",
          List.of()),
      new Operation("post", SqlRoutes.PATH, "db", "The read-only SQL console (only on a server with a token, else "
          + "403 SQL_CONSOLE_NEEDS_TOKEN): {\"sql\", \"params\": [...] or {...}} runs in a read-only transaction "
          + "with a time limit and answers {\"columns\", \"rows\", \"truncated\", \"elapsed_ms\"}, at most "
          + SqlRoutes.MAX_ROWS + " rows; a write is 400 READ_ONLY_QUERY (nothing written), a query past the time limit "
          + "400 QUERY_TIMEOUT, a statement the database refuses 400 SQL_ERROR, several statements 400 "
          + "MULTIPLE_STATEMENTS, SET/USE/COMMIT and other statements about the session 400 SESSION_STATEMENT; the "
          + "transaction always rolls back", List.of()),
      new Operation("get", "/api/v1/kv/keys", "kv", "Keys under a prefix, a page per step of the store's SCAN "
          + "cursor: pass next back as cursor until it is null; a page may hold fewer keys than limit (even none) "
          + "or, on Redis, a few more; keys come in the store's order", List.of("prefix", "cursor", "limit")),
      new Operation("get", "/api/v1/kv/keys/{key}", "kv", "A key's text value and TTL", List.of()),
      new Operation("put", "/api/v1/kv/keys/{key}", "kv", "Set a key: {\"value\": text, \"ttl_seconds\": n}",
          List.of()),
      new Operation("delete", "/api/v1/kv/keys/{key}", "kv", "Delete a key", List.of()),
      new Operation("get", "/api/v1/subjects/{name}", "subjects", "A subject's properties and extended properties",
          List.of()),
      new Operation("put", "/api/v1/subjects/{name}/{property}", "subjects",
          "Set a property straight in storage: {\"value\": any JSON}; ?ext=true for an extended property",
          List.of("ext")),
      new Operation("delete", "/api/v1/subjects/{name}/{property}", "subjects", "Delete a property",
          List.of("ext")),
      new Operation("delete", "/api/v1/subjects/{name}", "subjects", "Delete the whole subject (KRules' flush); "
          + "the answer's \"deleted\" holds its properties and ext_properties; 404 SUBJECT_NOT_FOUND when nothing was stored",
          List.of()),
      new Operation("get", "/api/v1/vectors", "vectors", "Vector collections with dimension, metric and count",
          List.of()),
      new Operation("put", "/api/v1/vectors/{collection}", "vectors", "Create a collection: {\"dimension\": n, "
          + "\"metric\": \"cosine\"|\"l2\"|\"inner_product\", \"m\", \"ef_construction\"}", List.of()),
      new Operation("post", "/api/v1/vectors/{collection}/items", "vectors", "Upsert a batch: {\"items\": [{\"id\", "
          + "\"vector\", \"metadata\"}]}, all or nothing on bad input", List.of()),
      new Operation("put", "/api/v1/vectors/{collection}/items/{id}", "vectors",
          "Upsert one vector: {\"vector\": [numbers], \"metadata\": {key: string|number|boolean}}", List.of()),
      new Operation("get", "/api/v1/vectors/{collection}/items/{id}", "vectors", "One vector and its metadata",
          List.of()),
      new Operation("delete", "/api/v1/vectors/{collection}/items/{id}", "vectors", "Delete one vector", List.of()),
      new Operation("post", "/api/v1/vectors/{collection}/search", "vectors", "Nearest neighbours, best first (reads "
          + "only): {\"vector\", \"k\": 10, \"filter\": {key: value | {eq, ne, gt, gte, lt, lte, in, like}}, "
          + "\"ef_search\", \"exact\"} answers {\"matches\": [{\"id\", \"score\", \"metadata\"}]}; score is a "
          + "similarity (higher is closer)", List.of()));

  /** The write operations that take an {@code Idempotency-Key} header, as "method path". */
  static final Set<String> IDEMPOTENT = Set.of(
      "post /api/v1/db/tables/{table}", "patch /api/v1/db/tables/{table}/rows/{id}",
      "delete /api/v1/db/tables/{table}/rows/{id}", "put /api/v1/kv/keys/{key}", "delete /api/v1/kv/keys/{key}",
      "put /api/v1/subjects/{name}/{property}", "delete /api/v1/subjects/{name}/{property}",
      "delete /api/v1/subjects/{name}", "put /api/v1/vectors/{collection}", "post /api/v1/vectors/{collection}/items",
      "put /api/v1/vectors/{collection}/items/{id}", "delete /api/v1/vectors/{collection}/items/{id}");

  private static final String DESCRIPTION = "Errors are {\"error\": {\"code\", \"message\", \"module\", "
      + "\"details\"}}. A 503 means try again and carries Retry-After (seconds): OVERLOADED (the request queue of "
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

  public OpenApiDocument(String version) {
    this.json = dev.cairn.core.Json.write(document(version));
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    ctx.contentType(Responses.JSON).result(json);
  }

  private static Map<String, Object> document(String version) {
    Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
    for (Operation operation : OPERATIONS) {
      paths.computeIfAbsent(operation.path(), path -> new LinkedHashMap<>())
          .put(operation.method(), operation(operation));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.1.0");
    document.put("info", Map.of("title", "Cairn admin API", "version", version, "description", DESCRIPTION));
    document.put("paths", paths);
    document.put("components", Map.of(
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
        "schemas", Map.of("Error", errorSchema())));
    document.put("security", List.of(Map.of("bearer", List.of())));
    return document;
  }

  private static Map<String, Object> operation(Operation operation) {
    List<Object> parameters = new ArrayList<>();
    Matcher matcher = PATH_PARAM.matcher(operation.path());
    while (matcher.find()) {
      parameters.add(Map.of("name", matcher.group(1), "in", "path", "required", true,
          "schema", Map.of("type", "string")));
    }
    List<String> queries = new ArrayList<>(operation.queryParams());
    if (operation.path().startsWith("/api/v1/db/") && !operation.path().equals("/api/v1/db/databases")) {
      queries.add("db");
    }
    for (String query : queries) {
      parameters.add(Map.of("name", query, "in", "query", "required", false, "schema", Map.of("type", "string")));
    }
    Map<String, Object> errorContent =
        Map.of(Responses.JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/Error")));
    Map<String, Object> error = Map.of("description", "Error", "content", errorContent);
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", Map.of("description", "OK"));
    responses.put("503", Map.of("description", "Try again later: OVERLOADED, DEADLINE_EXCEEDED, unavailable, "
        + "CONNECTION_LOST, COMMIT_OUTCOME_UNKNOWN", "headers", Map.of("Retry-After", Map.of(
            "description", "seconds to wait", "schema", Map.of("type", "integer"))), "content", errorContent));
    if (IDEMPOTENT.contains(operation.method() + " " + operation.path())) {
      parameters.add(Map.of("name", IdempotentWrites.HEADER, "in", "header", "required", false,
          "description", "makes a retry of this write safe: the same request with the same key gets the first "
              + "answer without writing again",
          "schema", Map.of("type", "string", "pattern", "^[A-Za-z0-9._:~+/=-]{1,"
              + IdempotentWrites.MAX_KEY_LENGTH + "}$")));
      responses.put("409", Map.of("description", "IDEMPOTENCY_KEY_IN_USE (or a conflict of the write itself)",
          "content", errorContent));
      responses.put("422", Map.of("description", "IDEMPOTENCY_KEY_REUSED", "content", errorContent));
    }
    responses.put("default", error);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tags", List.of(operation.tag()));
    result.put("summary", operation.summary());
    result.put("operationId", operation.method() + operation.path().replaceAll("[^A-Za-z0-9]+", "_"));
    result.put("parameters", parameters);
    result.put("responses", responses);
    if (operation.tag().equals("console") || operation.path().equals("/health")) {
      result.put("security", List.of()); // open without the token (see Guards)
    }
    return result;
  }

  private static Map<String, Object> errorSchema() {
    Map<String, Object> inner = Map.of("type", "object", "required", List.of("code", "message", "module"),
        "properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"),
            "module", Map.of("type", "string"), "details", Map.of("type", "object")));
    return Map.of("type", "object", "required", List.of("error"), "properties", Map.of("error", inner));
  }
}
