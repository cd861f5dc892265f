package dev.cairn.server.http.internal;

import dev.cairn.core.CairnException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the error body
 * {@code {"success": false, "error": {"code", "message", "module", "details"}}}: our own
 * {@link ApiError}s, Cairn exceptions that escaped a handler, Javalin's own responses (no route, body too large)
 * and, as 500 {@code INTERNAL_ERROR}, anything else, which is logged with its stack trace and never shown.
 *
 * <p>The {@code module} of a Cairn exception is the module of the route whose own work threw it: routes register
 * their handlers through {@link #inModule}, which marks the request once the handler starts. So handlers let the
 * library's exceptions fly instead of re-wrapping them, and a failure of what runs before the handler (the guards,
 * the Idempotency-Key bookkeeping) stays {@code cairn.server}.
 */
public final class ErrorHandling {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
  private static final String MODULE = "cairn.server";
  private static final String MODULE_ATTRIBUTE = "cairn.error-module";

  private ErrorHandling() {}

  /** {@code handler}, whose Cairn exceptions are answered as failures of {@code module} ({@code "cairn.kv"}). */
  public static Handler inModule(String module, Handler handler) {
    return ctx -> {
      ctx.attribute(MODULE_ATTRIBUTE, module);
      handler.handle(ctx);
    };
  }

  public static void register(RoutesConfig routes) {
    // Javalin answers its own HttpResponseExceptions itself unless that class has a handler of its own.
    routes.exception(HttpResponseException.class, ErrorHandling::respond);
    routes.exception(Exception.class, ErrorHandling::respond);
    routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        respond(fromJavalin(404), ctx);
      }
    });
  }

  /** Writes the error response for any failure of a handler (also used where a handler's failure is caught). */
  public static void respond(Exception failure, Context ctx) {
    respond(toApiError(failure, ctx), ctx);
  }

  private static ApiError toApiError(Exception failure, Context ctx) {
    return switch (failure) {
      case ApiError error -> error;
      case CairnException cairn -> ApiError.of(cairn, moduleOf(ctx));
      case HttpResponseException javalin -> fromJavalin(javalin.getStatus());
      default -> {
        LOG.error("unexpected failure in {} {}", ctx.method(), ctx.path(), failure);
        yield new ApiError(500, "INTERNAL_ERROR", "internal error; the server log has the details", MODULE, null);
      }
    };
  }

  private static String moduleOf(Context ctx) {
    String module = ctx.attribute(MODULE_ATTRIBUTE);
    return module == null ? MODULE : module;
  }

  private static void respond(ApiError error, Context ctx) {
    if (error.httpStatus() >= 500) {
      LOG.warn("{} {} -> {} {}", ctx.method(), ctx.path(), error.httpStatus(), error.code(), error.getCause());
    }
    if (error.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Integer.toString(error.retryAfterSeconds()));
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
