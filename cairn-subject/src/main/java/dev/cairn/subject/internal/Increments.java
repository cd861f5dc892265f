package dev.cairn.subject.internal;

import dev.cairn.core.InvalidInputException;
import java.util.Map;

/** Integer increments with the same rules on every storage: absent counts as 0, anything but a long is refused. */
public final class Increments {
  private Increments() {}

  /**
   * {@code old + delta}.
   *
   * @throws InvalidInputException {@code NOT_AN_INTEGER} when {@code old} is not an integer, {@code INTEGER_OVERFLOW}
   *     when the sum does not fit a long
   */
  public static long add(Object old, long delta, String property) {
    if (old == null) {
      return delta;
    }
    if (!(old instanceof Long number)) {
      throw new InvalidInputException("NOT_AN_INTEGER", "cannot increment property '" + property
          + "': it holds " + PythonJson.write(old) + ", not an integer", Map.of("property", property), null);
    }
    try {
      return Math.addExact(number, delta);
    } catch (ArithmeticException e) {
      throw new InvalidInputException("INTEGER_OVERFLOW", "incrementing property '" + property + "' by " + delta
          + " overflows a 64-bit integer", Map.of("property", property), e);
    }
  }
}
