package dev.cairn.server.http.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.core.SecretMask;
import dev.cairn.core.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that ends in an error response
 * {@code {"success": false, "error": {"code", "message", "module", "details"}}}. Thrown by
 * handlers and turned into the response by {@link ErrorHandling}; the message is one line meant for the caller.
 *
 * <p>Failures with status ERROR (a bug or an unexpected database answer) never show their message or details:
 * those may carry SQL text or server internals. The response then names only the code, and the full failure goes
 * to the log.
 *
 * <p>503 means "try again later" and always carries {@code Retry-After}: UNAVAILABLE failures, the database
 * connection lost on the server's side (PostgreSQL 57P01-57P03 and class 08, MariaDB 1927/2006/2013, even when
 * the data layer still calls it ERROR), {@code COMMIT_OUTCOME_UNKNOWN}, and the admission refusals of
 * {@link DatabaseLanes} ({@link #notApplied()}: the server knows nothing was written).
 */
public final class ApiError extends RuntimeException {
  private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);
  private static final long serialVersionUID = 1L;
  /** Retry-After of a refusal for load: the queue drains in about this time. */
  static final int RETRY_SOON_SECONDS = 1;
  /** Retry-After of an unavailable dependency. */
  static final int RETRY_LATER_SECONDS = 5;
  private static final Set<String> CONNECTION_LOST_STATES = Set.of("57P01", "57P02", "57P03");
  private static final Set<Integer> CONNECTION_LOST_VENDOR_CODES = Set.of(1927, 2006, 2013);
  private final int httpStatus;
  private final String code;
  private final String module;
  private final transient Map<String, Object> details;
  private final int retryAfterSeconds;
  private final boolean notApplied;

  /** An error; a 503 gets {@code Retry-After: }{@value #RETRY_LATER_SECONDS}. */
  public ApiError(int httpStatus, String code, String message, String module, Map<String, Object> details) {
    this(httpStatus, code, message, module, details, httpStatus == 503 ? RETRY_LATER_SECONDS : 0, false);
  }

  private ApiError(int httpStatus, String code, String message, String module, Map<String, Object> details,
      int retryAfterSeconds, boolean notApplied) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.module = module;
    this.details = details == null ? Map.of() : Map.copyOf(details);
    this.retryAfterSeconds = retryAfterSeconds;
    this.notApplied = notApplied;
  }

  /**
   * A refusal before any work started (queue full, deadline passed while queued, client gone): the request changed
   * nothing, so it may be retried as is, and its {@code Idempotency-Key} is released.
   */
  static ApiError refused(int httpStatus, String code, String message, Map<String, Object> details) {
    return new ApiError(httpStatus, code, message, "cairn.server", details,
        httpStatus == 503 ? RETRY_SOON_SECONDS : 0, true);
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
    if ("COMMIT_OUTCOME_UNKNOWN".equals(code)) {
      // Shown whatever the status: the caller must know the write may or may not have been applied.
      return new ApiError(503, code, status == Status.ERROR ? "the commit was sent but its outcome is unknown: the "
          + "write may or may not have been applied" : firstLine(message), module, status == Status.ERROR ? null
          : details);
    }
    if (status == Status.ERROR && connectionLost(details)) {
      LOG.warn("{} lost its database connection ({} {}): {}", module, kind, code, message);
      return new ApiError(503, "CONNECTION_LOST", "lost the connection to the database; a write in flight may or "
          + "may not have been applied", module, null);
    }
    if (status == Status.ERROR || status == Status.OK) {
      LOG.error("{} failed with {} {}: {}", module, kind, code, message);
      return new ApiError(500, code, "internal error (" + code + "); the server log has the details", module, null);
    }
    return new ApiError(httpStatus(status), code, firstLine(message), module, details);
  }

  /** Server-side connection loss by SQLState or MariaDB/MySQL error code, as the data layer's details give them. */
  private static boolean connectionLost(Map<String, Object> details) {
    Object state = details.get("sqlState");
    Object vendor = details.get("vendorCode");
    return state instanceof String text && (text.startsWith("08") || CONNECTION_LOST_STATES.contains(text))
        || vendor instanceof Integer number && CONNECTION_LOST_VENDOR_CODES.contains(number);
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

  /** Seconds for the {@code Retry-After} header, or 0 for none. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Whether the server knows the request changed nothing (refused before any work started). */
  public boolean notApplied() {
    return notApplied;
  }

  /**
   * The response body, {@code {"success": false, "error": {...}}}. The details' keys are written in snake_case
   * ({@code sqlState} as {@code sql_state}), as every key of the API.
   */
  public Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", getMessage());
    error.put("module", module);
    Map<String, Object> shown = new LinkedHashMap<>();
    details.forEach((key, value) -> shown.put(snakeCase(key), value));
    error.put("details", shown);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", error);
    return body;
  }

  private static String snakeCase(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
