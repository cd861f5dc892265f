package dev.cairn.subject.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Unicode;
import dev.cairn.subject.NameLimits;
import java.util.Map;

/**
 * Checks of subject and property names against what the storage can hold ({@link NameLimits}): whatever KRules
 * can write is accepted, an empty property name included, and only names beyond the storage's own limit are
 * refused, with the limit in the message. A subject name must not be empty: KRules would accept one, but it is
 * almost always a missing variable, and on Redis it would name the hash of the bare key prefix.
 */
public final class Names {
  private static final int SHOWN = 40;

  private Names() {}

  /** @throws InvalidInputException {@code INVALID_SUBJECT_NAME} */
  public static void requireSubject(String name, NameLimits limits) {
    if (name != null && name.isEmpty()) {
      throw new InvalidInputException("INVALID_SUBJECT_NAME", "a subject name must not be empty",
          Map.of("subject", ""), null);
    }
    require(name, limits, "INVALID_SUBJECT_NAME", "subject");
  }

  /** @throws InvalidInputException {@code INVALID_PROPERTY_NAME} */
  public static void requireProperty(String name, NameLimits limits) {
    require(name, limits, "INVALID_PROPERTY_NAME", "property");
  }

  private static void require(String name, NameLimits limits, String code, String what) {
    if (name == null) {
      throw new InvalidInputException(code, "a " + what + " name must not be null", Map.of(), null);
    }
    if (name.length() > limits.maxChars()) {
      throw new InvalidInputException(code, "a " + what + " name may have at most " + limits.maxChars()
          + " characters in this storage, got " + name.length() + ": '" + shown(name) + "'",
          Map.of(what, shown(name), "limit", limits.maxChars()), null);
    }
    long bytes = Unicode.utf8Length(name);
    if (bytes > limits.maxUtf8Bytes()) {
      throw new InvalidInputException(code, "a " + what + " name may have at most " + limits.maxUtf8Bytes()
          + " bytes in UTF-8 in this storage, got " + bytes + ": '" + shown(name) + "'",
          Map.of(what, shown(name), "limit", limits.maxUtf8Bytes()), null);
    }
  }

  private static String shown(String name) {
    return name.length() > SHOWN ? name.substring(0, SHOWN) + "..." : name;
  }
}
