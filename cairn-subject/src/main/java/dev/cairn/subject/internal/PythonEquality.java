package dev.cairn.subject.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python's {@code ==} on JSON-shaped values, which decides whether KRules emits a property-changed event: numbers
 * compare by value whatever their type ({@code 1 == 1.0}, {@code 2**64 == 2.0**64}), booleans are the integers 0
 * and 1 ({@code True == 1}), lists and maps compare element by element with the same rules, NaN equals nothing.
 * Thread-safe; no state.
 */
public final class PythonEquality {
  private PythonEquality() {}

  /** Whether Python would find {@code a == b} for these normalized values ({@code null} is None). */
  public static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumeric(a) && isNumeric(b)) {
      return numericallyEqual(a, b);
    }
    if (a instanceof List<?> left && b instanceof List<?> right) {
      return listsEqual(left, right);
    }
    if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
      return mapsEqual(left, right);
    }
    return a.equals(b);
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Number || value instanceof Boolean;
  }

  private static boolean numericallyEqual(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue(); // NaN != NaN, 0.0 == -0.0, as in Python
    }
    BigDecimal left = exact(a);
    BigDecimal right = exact(b);
    return left != null && right != null && left.compareTo(right) == 0;
  }

  /** The exact value; null for NaN and infinities, which equal no integer. */
  private static BigDecimal exact(Object value) {
    return switch (value) {
      case Boolean bool -> bool ? BigDecimal.ONE : BigDecimal.ZERO;
      case Long number -> BigDecimal.valueOf(number);
      case BigInteger number -> new BigDecimal(number);
      case Double number -> Double.isFinite(number) ? new BigDecimal(number) : null;
      default -> new BigDecimal(value.toString());
    };
  }

  private static boolean listsEqual(List<?> left, List<?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<?> others = right.iterator();
    for (Object element : left) {
      if (!equal(element, others.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapsEqual(Map<?, ?> left, Map<?, ?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (Map.Entry<?, ?> entry : left.entrySet()) {
      if (!right.containsKey(entry.getKey()) || !equal(entry.getValue(), right.get(entry.getKey()))) {
        return false;
      }
    }
    return Objects.equals(left.keySet(), right.keySet());
  }
}
