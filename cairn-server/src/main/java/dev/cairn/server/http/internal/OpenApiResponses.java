package dev.cairn.server.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared error responses ({@code components/responses}) and the {@code Idempotency-Key} header
 * ({@code components/parameters}) of the OpenAPI document; each error names the codes the server gives with it.
 */
final class OpenApiResponses {
  static final String UNEXPECTED = "UnexpectedError";

  private OpenApiResponses() {}

  /** The component name of an error status, for {@link ApiOperation#errors}. */
  static String name(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      case 413 -> "PayloadTooLarge";
      case 422 -> "UnprocessableEntity";
      case 503 -> "Unavailable";
      default -> throw new IllegalArgumentException("no shared response for " + status);
    };
  }

  static Map<String, Object> responses() {
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("BadRequest", error("Bad input, nothing done: INVALID_PARAMETER, INVALID_JSON, EMPTY_BODY, "
        + "BODY_NOT_OBJECT, INVALID_FILTER, PAGE_SIZE_TOO_LARGE, INVALID_IDEMPOTENCY_KEY, a validation failure of the "
        + "data layer, ..."));
    responses.put("Unauthorized", error("UNAUTHORIZED: the server has an admin token and the request did not send "
        + "it as Authorization: Bearer <token>"));
    responses.put("Forbidden", error("HOST_NOT_ALLOWED or CROSS_ORIGIN_REFUSED (a browser on another site), "
        + "READ_ONLY (writes disabled), SQL_CONSOLE_NEEDS_TOKEN"));
    responses.put("NotFound", error("No such table, row, key, subject, collection or vector (TABLE_NOT_FOUND, "
        + "ROW_NOT_FOUND, KEY_NOT_FOUND, ...), or DATABASE_NOT_FOUND for ?db="));
    responses.put("Conflict", error("IDEMPOTENCY_KEY_IN_USE, or a conflict of the write itself (DUPLICATE_KEY, "
        + "a constraint, an existing collection)"));
    responses.put("PayloadTooLarge", error("BODY_TOO_LARGE: the body is past the server's limit"));
    responses.put("UnprocessableEntity", error("IDEMPOTENCY_KEY_REUSED: the key came with another method, path or "
        + "body"));
    Map<String, Object> unavailable = error("Try again later: OVERLOADED, DEADLINE_EXCEEDED, DATABASE_UNAVAILABLE, "
        + "CONNECTION_LOST, COMMIT_OUTCOME_UNKNOWN (the write may or may not have been applied)");
    unavailable.put("headers", Map.of("Retry-After", Map.of("description", "seconds to wait before trying again",
        "schema", JsonSchemas.integer(0, Integer.MAX_VALUE))));
    responses.put("Unavailable", unavailable);
    responses.put(UNEXPECTED, error("An unexpected failure (500 INTERNAL_ERROR; the server log has the details)"));
    return responses;
  }

  static Map<String, Object> parameters() {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("name", IdempotentWrites.HEADER);
    key.put("in", "header");
    key.put("required", false);
    key.put("description", "makes a retry of this write safe: the same request with the same key gets the first "
        + "answer (Idempotent-Replayed: true) without writing again");
    Map<String, Object> schema = JsonSchemas.string();
    schema.put("pattern", "^[A-Za-z0-9._:~+/=-]{1," + IdempotentWrites.MAX_KEY_LENGTH + "}$");
    key.put("schema", schema);
    return Map.of("IdempotencyKey", key);
  }

  private static Map<String, Object> error(String description) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("description", description);
    response.put("content", Map.of(Responses.JSON, Map.of("schema", JsonSchemas.ref("Error"))));
    return response;
  }
}
