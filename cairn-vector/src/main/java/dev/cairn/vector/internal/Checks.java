package dev.cairn.vector.internal;

import dev.cairn.core.Result;
import dev.cairn.core.Unicode;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.IndexParams;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validation shared by every backend, so that bad input fails the same way everywhere and before anything is
 * written. Each method answers {@code null} when the input is fine, else the INVALID failure to return.
 */
public final class Checks {
  static final int MAX_ID_LENGTH = 256;
  static final int MAX_KEY_LENGTH = 256;
  static final int MAX_STRING_LENGTH = 8192;
  static final int MAX_KEYS = 64;
  static final int MAX_K = 10_000;
  static final int MAX_EF_SEARCH = 1000;

  private Checks() {}

  public static <T> Result<T> spec(CollectionSpec spec, int maxDimension) {
    if (!Names.validCollection(spec.name())) {
      return Failures.invalid("INVALID_COLLECTION_NAME", "collection name '" + Names.shown(spec.name())
          + "' must be 1 to 48 lower-case letters, digits or _, starting with a letter");
    }
    if (spec.dimension() < 1 || spec.dimension() > maxDimension) {
      return Failures.invalid("INVALID_DIMENSION",
          "dimension " + spec.dimension() + " is out of range 1.." + maxDimension + " for this backend");
    }
    IndexParams index = spec.index();
    if (index.m() < 2 || index.m() > 100) {
      return Failures.invalid("INVALID_INDEX_PARAMS", "HNSW m " + index.m() + " is out of range 2..100");
    }
    if (index.efConstruction() < 2 * index.m() || index.efConstruction() > 1000) {
      return Failures.invalid("INVALID_INDEX_PARAMS", "HNSW ef_construction " + index.efConstruction()
          + " is out of range " + 2 * index.m() + "..1000 (at least 2*m)");
    }
    return null;
  }

  public static <T> Result<T> vector(CollectionSpec spec, float[] vector) {
    if (vector == null) {
      return Failures.invalid("WRONG_DIMENSION", "no vector given; collection '" + spec.name()
          + "' holds vectors of dimension " + spec.dimension());
    }
    if (vector.length != spec.dimension()) {
      return Failures.invalid("WRONG_DIMENSION", "vector has " + vector.length + " components; collection '"
          + spec.name() + "' holds vectors of dimension " + spec.dimension());
    }
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        return Failures.invalid("NON_FINITE_COMPONENT",
            "vector component " + i + " is " + vector[i] + "; components must be finite numbers");
      }
      norm += (double) vector[i] * vector[i];
    }
    if (spec.metric() == Metric.COSINE && norm == 0) {
      return Failures.invalid("ZERO_VECTOR", "a zero vector has no direction; collection '" + spec.name()
          + "' compares by cosine");
    }
    return null;
  }

  public static <T> Result<T> id(String id) {
    if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || !cleanText(id)) {
      return Failures.invalid("INVALID_ID", "vector id '" + Names.shown(id)
          + "' must be 1 to " + MAX_ID_LENGTH + " characters, not blank, without NUL or lone surrogates");
    }
    return null;
  }

  public static <T> Result<T> search(CollectionSpec spec, Search search) {
    if (search.k() < 1 || search.k() > MAX_K) {
      return Failures.invalid("INVALID_K", "k " + search.k() + " is out of range 1.." + MAX_K);
    }
    if (search.efSearch() < 1 || search.efSearch() > MAX_EF_SEARCH) {
      return Failures.invalid("INVALID_EF_SEARCH", "ef_search " + search.efSearch() + " is out of range 1.."
          + MAX_EF_SEARCH);
    }
    Result<T> bad = vector(spec, search.vector());
    return bad != null ? bad : filter(search.filter());
  }

  /**
   * Metadata as stored: null values dropped, integers as {@link Long}, other numbers as finite {@link Double};
   * or INVALID {@code INVALID_METADATA}.
   */
  public static Result<Map<String, Object>> metadata(Map<String, ?> metadata) {
    Map<String, Object> normalized = new LinkedHashMap<>();
    if (metadata == null) {
      return Result.ok(normalized);
    }
    if (metadata.size() > MAX_KEYS) {
      return Failures.invalid("INVALID_METADATA", "metadata has " + metadata.size() + " keys; at most " + MAX_KEYS);
    }
    for (Map.Entry<String, ?> entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || !cleanText(key)) {
        return Failures.invalid("INVALID_METADATA", "metadata key '" + Names.shown(key) + "' must be 1 to "
            + MAX_KEY_LENGTH + " characters without NUL or lone surrogates");
      }
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      Object stored = value(value);
      if (stored == null) {
        return Failures.invalid("INVALID_METADATA", "metadata value of '" + Names.shown(key)
            + "' must be a string (up to " + MAX_STRING_LENGTH + " characters), a finite number or a boolean");
      }
      normalized.put(key, stored);
    }
    return Result.ok(normalized);
  }

  /** A metadata or filter value as stored and compared, or {@code null} when it has no supported type. */
  public static Object value(Object value) {
    return switch (value) {
      case String text -> text.length() <= MAX_STRING_LENGTH && cleanText(text) ? text : null;
      case Boolean flag -> flag;
      case Integer number -> number.longValue();
      case Long number -> number;
      case Short number -> number.longValue();
      case Byte number -> number.longValue();
      case BigInteger number -> number.bitLength() < 64 ? number.longValue() : null;
      case BigDecimal number -> finite(number.doubleValue());
      case Number number -> finite(number.doubleValue());
      default -> null;
    };
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** The filter's values have supported types and its ranges compare numbers or strings. */
  public static <T> Result<T> filter(Filter filter) {
    return switch (filter) {
      case Filter.Compare compare -> compare(compare);
      case Filter.In in -> in.values().stream().filter(v -> v == null || value(v) == null).findFirst()
          .<Result<T>>map(v -> badValue(in.column()))
          .orElse(key(in.column()));
      case Filter.Like like -> key(like.column());
      case Filter.IsNull isNull -> key(isNull.column());
      case Filter.And and -> and.parts().stream().<Result<T>>map(Checks::filter).filter(r -> r != null)
          .findFirst().orElse(null);
      case Filter.Or or -> or.parts().stream().<Result<T>>map(Checks::filter).filter(r -> r != null)
          .findFirst().orElse(null);
      case Filter.Not not -> filter(not.filter());
      case Filter.All all -> null;
    };
  }

  private static <T> Result<T> compare(Filter.Compare compare) {
    Result<T> badKey = key(compare.column());
    if (badKey != null) {
      return badKey;
    }
    if (compare.value() == null) {
      return compare.op() == Filter.Op.EQ || compare.op() == Filter.Op.NE ? null : badValue(compare.column());
    }
    Object value = value(compare.value());
    if (value == null) {
      return badValue(compare.column());
    }
    boolean ordering = compare.op() != Filter.Op.EQ && compare.op() != Filter.Op.NE;
    if (ordering && value instanceof Boolean) {
      return Failures.invalid("INVALID_FILTER", "a range on '" + Names.shown(compare.column())
          + "' needs a number or a string, not a boolean");
    }
    return null;
  }

  private static <T> Result<T> key(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !cleanText(key)) {
      return Failures.invalid("INVALID_FILTER", "filter key '" + Names.shown(key) + "' must be 1 to "
          + MAX_KEY_LENGTH + " characters without NUL or lone surrogates");
    }
    return null;
  }

  private static <T> Result<T> badValue(String key) {
    return Failures.invalid("INVALID_FILTER", "filter value for '" + Names.shown(key)
        + "' must be a string, a finite number or a boolean");
  }

  /** No NUL (PostgreSQL text refuses it) and no lone UTF-16 surrogate (not encodable as UTF-8). */
  static boolean cleanText(String text) {
    return text.indexOf('\0') < 0 && Unicode.loneSurrogateIndex(text) < 0;
  }
}
