package dev.cairn.core;

import java.io.Serial;
import java.util.Map;

/** The addressed row, table, key or subject does not exist. Status {@link Status#NOT_FOUND}. */
public class NotFoundException extends CairnException {
  @Serial private static final long serialVersionUID = 1L;

  public NotFoundException(String code, String message, Map<String, Object> details, Throwable cause) {
    super(Status.NOT_FOUND, code, message, details, cause);
  }

  public NotFoundException(String code, String message) {
    this(code, message, Map.of(), null);
  }

  public NotFoundException(String code, String message, Throwable cause) {
    this(code, message, Map.of(), cause);
  }
}
