package dev.cairn.server.http.internal;

import dev.cairn.core.CairnException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the error body {@code {"error": {"code", "message", "module", "details"}}}: our own
 * {@link ApiError}s, Cairn exceptions that escaped a handler, Javalin's own responses (no route, body too large)
 * and, as 500 {@code INTERNAL_ERROR}, anything else, which is logged with its stack trace and never shown.
 */
public final class ErrorHandling {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
  private static final String MODULE = "cairn.server";

  private ErrorHandling() {}

  public static void register(RoutesConfig routes) {
    routes.exception(ApiError.class, ErrorHandling::respond);
    routes.exception(CairnException.class, (e, ctx) -> respond(ApiError.of(e, MODULE), ctx));
    routes.exception(HttpResponseException.class, (e, ctx) -> respond(fromJavalin(e.getStatus()), ctx));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected failure in {} {}", ctx.method(), ctx.path(), e);
      respond(new ApiError(500, "INTERNAL_ERROR", "internal error; the server log has the details", MODULE, null),
          ctx);
    });
    routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        respond(fromJavalin(404), ctx);
      }
    });
  }

  private static void respond(ApiError error, Context ctx) {
    if (error.httpStatus() >= 500) {
      LOG.warn("{} {} -> {} {}", ctx.method(), ctx.path(), error.httpStatus(), error.code(), error.getCause());
    }
    Responses.json(ctx, error.httpStatus(), error.body());
  }

  private static ApiError fromJavalin(int status) {
    return switch (status) {
      case 404 -> new ApiError(404, "ROUTE_NOT_FOUND", "no such endpoint; see /api/v1/openapi.json", MODULE, null);
      case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", "method not allowed on this endpoint", MODULE, null);
      case 413 -> new ApiError(413, "BODY_TOO_LARGE", "the request body is too large", MODULE, null);
      default -> new ApiError(status, "REQUEST_REFUSED", "the request was refused (" + status + ")", MODULE,
          Map.of("status", status));
    };
  }
}
