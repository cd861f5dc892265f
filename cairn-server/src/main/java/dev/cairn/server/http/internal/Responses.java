package dev.cairn.server.http.internal;

import dev.cairn.core.Json;
import io.javalin.http.Context;

/**
 * Writes JSON responses with Cairn's shared settings (ISO-8601 times, Base64 bytes) in the API's one vocabulary
 * ({@link Json#writeAnswer}): keys in snake_case, and every object answer carries {@code "success"}, true for a
 * status below 400, false otherwise (errors, a health check that is down).
 */
public final class Responses {
  public static final String JSON = "application/json";

  private Responses() {}

  public static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(Json.writeAnswer(body, status < 400));
  }

  public static void ok(Context ctx, Object body) {
    json(ctx, 200, body);
  }
}
