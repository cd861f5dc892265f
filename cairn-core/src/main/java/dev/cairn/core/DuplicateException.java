package dev.cairn.core;

import java.io.Serial;
import java.util.Map;

/** A unique key or constraint already holds the value. Status {@link Status#DUPLICATE}. */
public class DuplicateException extends CairnException {
  @Serial private static final long serialVersionUID = 1L;

  public DuplicateException(String code, String message, Map<String, Object> details, Throwable cause) {
    super(Status.DUPLICATE, code, message, details, cause);
  }

  public DuplicateException(String code, String message) {
    this(code, message, Map.of(), null);
  }

  public DuplicateException(String code, String message, Throwable cause) {
    this(code, message, Map.of(), cause);
  }
}
