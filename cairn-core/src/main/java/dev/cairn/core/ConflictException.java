package dev.cairn.core;

import java.io.Serial;
import java.util.Map;

/** The operation lost a race: a lock is held elsewhere, an optimistic check failed or retries ran out. Status {@link Status#CONFLICT}. */
public class ConflictException extends CairnException {
  @Serial private static final long serialVersionUID = 1L;

  public ConflictException(String code, String message, Map<String, Object> details, Throwable cause) {
    super(Status.CONFLICT, code, message, details, cause);
  }

  public ConflictException(String code, String message) {
    this(code, message, Map.of(), null);
  }

  public ConflictException(String code, String message, Throwable cause) {
    this(code, message, Map.of(), cause);
  }
}
