package dev.cairn.server.http.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.core.SecretMask;
import dev.cairn.core.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that ends in an error response {@code {"error": {"code", "message", "module", "details"}}}. Thrown by
 * handlers and turned into the response by {@link ErrorHandling}; the message is one line meant for the caller.
 *
 * <p>Failures with status ERROR (a bug or an unexpected database answer) never show their message or details:
 * those may carry SQL text or server internals. The response then names only the code, and the full failure goes
 * to the log.
 */
public final class ApiError extends RuntimeException {
  private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final String code;
  private final String module;
  private final transient Map<String, Object> details;

  public ApiError(int httpStatus, String code, String message, String module, Map<String, Object> details) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.module = module;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static ApiError badRequest(String code, String message, String module) {
    return new ApiError(400, code, message, module, Map.of());
  }

  /** The response for a failed operation of {@code module}. */
  public static ApiError of(Result.Failure<?> failure, String module) {
    return from(failure.status(), failure.code(), failure.getClass().getSimpleName(), failure.message(),
        failure.details(), module);
  }

  /** The response for a Cairn exception raised by {@code module}. */
  public static ApiError of(CairnException exception, String module) {
    return from(exception.status(), exception.code(), exception.getClass().getSimpleName(), exception.getMessage(),
        exception.details(), module);
  }

  private static ApiError from(
      Status status, String code, String kind, String message, Map<String, Object> details, String module) {
    if (status == Status.ERROR || status == Status.OK) {
      LOG.error("{} failed with {} {}: {}", module, kind, code, message);
      return new ApiError(500, code, "internal error (" + code + "); the server log has the details", module, null);
    }
    return new ApiError(httpStatus(status), code, firstLine(message), module, details);
  }

  static int httpStatus(Status status) {
    return switch (status) {
      case NOT_FOUND -> 404;
      case DUPLICATE, CONFLICT -> 409;
      case INVALID -> 400;
      case UNAVAILABLE -> 503;
      case OK, ERROR -> 500;
    };
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return SecretMask.mask((newline < 0 ? message : message.substring(0, newline)).strip());
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }

  public String module() {
    return module;
  }

  public Map<String, Object> details() {
    return details;
  }

  /** The response body. */
  public Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", getMessage());
    error.put("module", module);
    error.put("details", details);
    return Map.of("error", error);
  }
}
