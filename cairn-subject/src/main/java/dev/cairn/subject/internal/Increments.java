package dev.cairn.subject.internal;

import dev.cairn.core.InvalidInputException;
import java.math.BigInteger;
import java.util.Map;

/**
 * Integer increments with the same rules on every storage: absent counts as 0, anything but an integer is refused,
 * and a sum beyond 64 bits keeps counting as a {@link BigInteger} (Python's int has no limit, so KRules counts past
 * 2^63-1 and stores {@code 9223372036854775808}); a sum back within 64 bits is a {@link Long} again.
 */
public final class Increments {
  private Increments() {}

  /**
   * {@code old + delta}, a Long when it fits 64 bits, else a BigInteger.
   *
   * @throws InvalidInputException {@code NOT_AN_INTEGER} when {@code old} is not an integer (a boolean neither,
   *     unlike Python, where True is 1)
   */
  public static Object add(Object old, long delta, String property) {
    return switch (old) {
      case null -> delta;
      case Long number -> {
        long sum = number + delta;
        // Overflow iff both operands have the sign the sum lacks (Math.addExact's test, without the exception).
        boolean overflow = ((number ^ sum) & (delta ^ sum)) < 0;
        yield overflow ? BigInteger.valueOf(number).add(BigInteger.valueOf(delta)) : (Object) sum;
      }
      case BigInteger number -> Values.normalize(number.add(BigInteger.valueOf(delta)));
      default -> throw new InvalidInputException("NOT_AN_INTEGER", "cannot increment property '" + property
          + "': it holds " + PythonJson.write(old) + ", not an integer", Map.of("property", property), null);
    };
  }
}
