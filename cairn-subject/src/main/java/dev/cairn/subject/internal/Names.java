package dev.cairn.subject.internal;

import dev.cairn.core.InvalidInputException;
import java.util.Map;

/** Checks of subject and property names, so every storage can hold them (SQL keys are bounded). */
public final class Names {
  /** The longest subject or property name, in UTF-16 characters. */
  public static final int MAX_LENGTH = 200;

  private Names() {}

  /** @throws InvalidInputException {@code INVALID_SUBJECT_NAME} */
  public static void requireSubject(String name) {
    require(name, "INVALID_SUBJECT_NAME", "subject");
  }

  /** @throws InvalidInputException {@code INVALID_PROPERTY_NAME} */
  public static void requireProperty(String name) {
    require(name, "INVALID_PROPERTY_NAME", "property");
  }

  private static void require(String name, String code, String what) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      String shown = name == null ? "null" : name.length() > 40 ? name.substring(0, 40) + "..." : name;
      throw new InvalidInputException(code, "a " + what + " name must be 1 to " + MAX_LENGTH
          + " characters, got '" + shown + "'", Map.of(what, String.valueOf(shown)), null);
    }
  }
}
