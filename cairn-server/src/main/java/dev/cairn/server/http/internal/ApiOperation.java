package dev.cairn.server.http.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the OpenAPI document, built fluently:
 * {@code ApiOperation.get(path, "kv", "getKey", "...").ok(200, "the value", ref("KeyValue")).errors(404)}.
 *
 * <p>What every operation gets without asking: its path parameters (non-empty strings), 403 (the host and origin
 * guard answers any request), 401 unless {@link #open()}, 413 when it takes a body, and a {@code default} error (an
 * unexpected 500). The error responses are the shared ones of {@code components/responses}, all with the
 * {@code Error} schema.
 */
final class ApiOperation {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");
  private final String method;
  private final String path;
  private final Map<String, Object> operation = new LinkedHashMap<>();
  private final List<Object> parameters = new ArrayList<>();
  private final Map<Integer, Object> responses = new TreeMap<>();
  private boolean open;

  private ApiOperation(String method, String path, String tag, String operationId, String summary) {
    this.method = method;
    this.path = path;
    operation.put("tags", List.of(tag));
    operation.put("operationId", operationId);
    operation.put("summary", summary);
    Matcher matcher = PATH_PARAM.matcher(path);
    while (matcher.find()) {
      Map<String, Object> schema = JsonSchemas.string();
      schema.put("minLength", 1);
      parameters.add(parameter(matcher.group(1), "path", true, schema, null));
    }
  }

  static ApiOperation get(String path, String tag, String operationId, String summary) {
    return new ApiOperation("get", path, tag, operationId, summary);
  }

  static ApiOperation post(String path, String tag, String operationId, String summary) {
    return new ApiOperation("post", path, tag, operationId, summary);
  }

  static ApiOperation put(String path, String tag, String operationId, String summary) {
    return new ApiOperation("put", path, tag, operationId, summary);
  }

  static ApiOperation patch(String path, String tag, String operationId, String summary) {
    return new ApiOperation("patch", path, tag, operationId, summary);
  }

  static ApiOperation delete(String path, String tag, String operationId, String summary) {
    return new ApiOperation("delete", path, tag, operationId, summary);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** "GET /path", as the server lists its routes. */
  String route() {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  ApiOperation query(String name, Map<String, Object> schema, String description) {
    parameters.add(parameter(name, "query", false, schema, description));
    return this;
  }

  /** Query parameters of any name (column filters): a form-style object, each key a parameter. */
  ApiOperation freeQuery(String name, Map<String, Object> schema, String description) {
    Map<String, Object> parameter = parameter(name, "query", false, schema, description);
    parameter.put("style", "form");
    parameter.put("explode", true);
    parameters.add(parameter);
    return this;
  }

  ApiOperation body(Map<String, Object> schema, boolean required, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("description", description);
    body.put("required", required);
    body.put("content", Map.of(Responses.JSON, Map.of("schema", schema)));
    operation.put("requestBody", body);
    return this;
  }

  ApiOperation ok(int status, String description, Map<String, Object> schema) {
    return ok(status, description, Responses.JSON, schema);
  }

  /** A response of this status in {@code mediaType}; called again with the same status, another media type. */
  @SuppressWarnings("unchecked")
  ApiOperation ok(int status, String description, String mediaType, Map<String, Object> schema) {
    Map<String, Object> response = (Map<String, Object>) responses.computeIfAbsent(status, code -> {
      Map<String, Object> created = new LinkedHashMap<>();
      created.put("description", description);
      created.put("content", new LinkedHashMap<String, Object>());
      return created;
    });
    ((Map<String, Object>) response.get("content")).put(mediaType, Map.of("schema", schema));
    return this;
  }

  /** The error statuses this operation answers besides those every operation gets (see the class comment). */
  ApiOperation errors(int... statuses) {
    for (int status : statuses) {
      responses.put(status, Map.of("$ref", "#/components/responses/" + OpenApiResponses.name(status)));
    }
    return this;
  }

  /** Writes that take an {@code Idempotency-Key} header: 400 for a malformed key, 409 in use, 422 reused. */
  ApiOperation idempotent() {
    parameters.add(Map.of("$ref", "#/components/parameters/IdempotencyKey"));
    return errors(400, 409, 422);
  }

  /** Answered without the bearer token ({@link Guards}): no 401, and {@code security: []}. */
  ApiOperation open() {
    this.open = true;
    operation.put("security", List.of());
    return this;
  }

  Map<String, Object> toMap() {
    errors(403);
    if (!open) {
      errors(401);
    }
    if (operation.containsKey("requestBody")) {
      errors(413);
    }
    Map<String, Object> result = new LinkedHashMap<>(operation);
    if (!parameters.isEmpty()) {
      result.put("parameters", parameters);
    }
    Map<String, Object> byCode = new LinkedHashMap<>();
    responses.forEach((status, response) -> byCode.put(Integer.toString(status), response));
    byCode.put("default", Map.of("$ref", "#/components/responses/" + OpenApiResponses.UNEXPECTED));
    result.put("responses", byCode);
    return result;
  }

  private static Map<String, Object> parameter(
      String name, String in, boolean required, Map<String, Object> schema, String description) {
    Map<String, Object> parameter = new LinkedHashMap<>();
    parameter.put("name", name);
    parameter.put("in", in);
    parameter.put("required", required);
    if (description != null) {
      parameter.put("description", description);
    }
    parameter.put("schema", schema);
    return parameter;
  }
}
