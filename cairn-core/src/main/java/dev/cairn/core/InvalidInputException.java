package dev.cairn.core;

import java.io.Serial;
import java.util.Map;

/** The input is malformed or does not fit; nothing was changed. Status {@link Status#INVALID}. */
public class InvalidInputException extends CairnException {
  @Serial private static final long serialVersionUID = 1L;

  public InvalidInputException(String code, String message, Map<String, Object> details, Throwable cause) {
    super(Status.INVALID, code, message, details, cause);
  }

  public InvalidInputException(String code, String message) {
    this(code, message, Map.of(), null);
  }

  public InvalidInputException(String code, String message, Throwable cause) {
    this(code, message, Map.of(), cause);
  }
}
