package dev.cairn.subject.internal;

import dev.cairn.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings values into the JSON shape subjects hold (see {@link dev.cairn.subject.Subject}), so equal values compare
 * equal whatever storage they came from: integers as Long (BigInteger beyond long), floating point as Double,
 * lists and maps unmodifiable copies.
 */
public final class Values {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Values() {}

  /** @throws InvalidInputException {@code UNSUPPORTED_VALUE} for a value JSON cannot hold */
  public static Object normalize(Object value) {
    return switch (value) {
      case null -> null;
      case String text -> text;
      case Boolean bool -> bool;
      case Long number -> number;
      case Integer number -> number.longValue();
      case Short number -> number.longValue();
      case Byte number -> number.longValue();
      case BigInteger number -> fitsLong(number) ? (Object) number.longValue() : number;
      case Double number -> number;
      case Float number -> number.doubleValue();
      case BigDecimal number -> number.doubleValue();
      case List<?> list -> normalizeList(list);
      case Map<?, ?> map -> normalizeMap(map);
      default -> throw new InvalidInputException("UNSUPPORTED_VALUE", "a subject value must be null, a boolean,"
          + " a number, a string, a list or a map with string keys; got " + value.getClass().getName());
    };
  }

  private static boolean fitsLong(BigInteger number) {
    return number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0;
  }

  private static List<Object> normalizeList(List<?> list) {
    List<Object> copy = new ArrayList<>(list.size());
    for (Object element : list) {
      copy.add(normalize(element));
    }
    return Collections.unmodifiableList(copy);
  }

  private static Map<String, Object> normalizeMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new InvalidInputException("UNSUPPORTED_VALUE", "map keys in a subject value must be strings; got "
            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
      }
      copy.put(key, normalize(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }
}
