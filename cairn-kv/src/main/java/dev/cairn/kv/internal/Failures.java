package dev.cairn.kv.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;

/** The failures both backends raise with the same code and wording, so conformance can compare them. */
public final class Failures {
  private Failures() {}

  public static InvalidInputException wrongType(String key) {
    return wrongType(key, null);
  }

  /** @param cause the server's error, or {@code null} */
  public static InvalidInputException wrongType(String key, Throwable cause) {
    return new InvalidInputException("WRONG_TYPE", "key '" + key + "' holds a value of another type", cause);
  }

  public static InvalidInputException notAnInteger(String key, String detail) {
    return notAnInteger(key, detail, null);
  }

  /** @param cause the server's error, or {@code null} */
  public static InvalidInputException notAnInteger(String key, String detail, Throwable cause) {
    return new InvalidInputException("NOT_AN_INTEGER", "value at '" + key + "' " + detail, cause);
  }

  public static CairnException closed(String url) {
    return new CairnException("KV_CLOSED", "key-value store " + url + " is closed");
  }
}
