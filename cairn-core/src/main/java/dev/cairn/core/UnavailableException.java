package dev.cairn.core;

import java.io.Serial;
import java.util.Map;

/** A server could not be reached or answered too late; the operation may succeed when retried later. Status {@link Status#UNAVAILABLE}. */
public class UnavailableException extends CairnException {
  @Serial private static final long serialVersionUID = 1L;

  public UnavailableException(String code, String message, Map<String, Object> details, Throwable cause) {
    super(Status.UNAVAILABLE, code, message, details, cause);
  }

  public UnavailableException(String code, String message) {
    this(code, message, Map.of(), null);
  }

  public UnavailableException(String code, String message, Throwable cause) {
    this(code, message, Map.of(), cause);
  }
}
