package dev.cairn.server.http.internal;

import dev.cairn.core.Json;
import io.javalin.http.Context;

/** Writes JSON responses with Cairn's shared mapper (ISO-8601 times, Base64 bytes). */
public final class Responses {
  public static final String JSON = "application/json";

  private Responses() {}

  public static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(Json.write(body));
  }

  public static void ok(Context ctx, Object body) {
    json(ctx, 200, body);
  }
}
