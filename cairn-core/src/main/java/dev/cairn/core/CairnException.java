package dev.cairn.core;

import java.io.Serial;
import java.util.Map;
import java.util.Objects;

/**
 * Root of Cairn's unchecked exceptions. Each carries a {@link Status} and a stable UPPER_SNAKE {@link #code()};
 * the message is one line, names what failed and never contains a password. Subtypes are named after the
 * failure: {@link NotFoundException}, {@link DuplicateException}, {@link InvalidInputException},
 * {@link ConflictException}, {@link UnavailableException}.
 */
public class CairnException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final Status status;
  private final String code;
  private final transient Map<String, Object> details;

  public CairnException(Status status, String code, String message, Map<String, Object> details, Throwable cause) {
    super(message, cause);
    this.status = Objects.requireNonNull(status, "status");
    this.code = Objects.requireNonNull(code, "code");
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  public CairnException(String code, String message) {
    this(Status.ERROR, code, message, Map.of(), null);
  }

  public CairnException(String code, String message, Throwable cause) {
    this(Status.ERROR, code, message, Map.of(), cause);
  }

  /** The exception subtype matching {@code status}. */
  public static CairnException of(
      Status status, String code, String message, Map<String, Object> details, Throwable cause) {
    return switch (status) {
      case NOT_FOUND -> new NotFoundException(code, message, details, cause);
      case DUPLICATE -> new DuplicateException(code, message, details, cause);
      case INVALID -> new InvalidInputException(code, message, details, cause);
      case CONFLICT -> new ConflictException(code, message, details, cause);
      case UNAVAILABLE -> new UnavailableException(code, message, details, cause);
      case OK, ERROR -> new CairnException(Status.ERROR, code, message, details, cause);
    };
  }

  public Status status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Structured context; immutable, never null (empty after deserialization). */
  public Map<String, Object> details() {
    return details == null ? Map.of() : details;
  }
}
