package dev.cairn.server.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      new Operation("get", "/health", "ops", "Database and key-value health with latency", List.of()),
      new Operation("get", "/metrics", "ops", "Prometheus metrics", List.of()),
      new Operation("get", PATH, "ops", "This document", List.of()),
      new Operation("get", "/api/v1/db/status", "db", "Connection status, engine (password masked) and tables",
          List.of()),
      new Operation("get", "/api/v1/db/is-ready", "db", "Whether the database answers", List.of()),
      new Operation("get", "/api/v1/db/tables", "db", "Table names", List.of()),
      new Operation("get", "/api/v1/db/tables/{table}", "db",
          "A page of rows; other parameters are column filters col=op.value (eq, neq, gt, gte, lt, lte, like, "
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
      new Operation("post", "/api/v1/db/migrations/run", "db", "Apply pending migrations: {\"target\"} optional",
          List.of()),
      new Operation("post", "/api/v1/db/migrations/downgrade", "db", "Apply undo scripts down to {\"target\"}",
          List.of()),
      new Operation("get", "/api/v1/kv/keys", "kv", "Keys under a prefix, in key order, with a cursor",
          List.of("prefix", "cursor", "limit")),
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
          List.of("ext")));

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
    document.put("info", Map.of("title", "Cairn admin API", "version", version));
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
    Map<String, Object> error = Map.of("description", "Error",
        "content", Map.of(Responses.JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tags", List.of(operation.tag()));
    result.put("summary", operation.summary());
    result.put("operationId", operation.method() + operation.path().replaceAll("[^A-Za-z0-9]+", "_"));
    result.put("parameters", parameters);
    result.put("responses", Map.of("200", Map.of("description", "OK"), "default", error));
    return result;
  }

  private static Map<String, Object> errorSchema() {
    Map<String, Object> inner = Map.of("type", "object", "required", List.of("code", "message", "module"),
        "properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"),
            "module", Map.of("type", "string"), "details", Map.of("type", "object")));
    return Map.of("type", "object", "required", List.of("error"), "properties", Map.of("error", inner));
  }
}
