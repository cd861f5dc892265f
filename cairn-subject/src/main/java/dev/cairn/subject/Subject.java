package dev.cairn.subject;

import dev.cairn.core.InvalidInputException;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A named entity with properties and extended properties, KRules' subject. Obtained from
 * {@link Subjects#get(String)}.
 *
 * <pre>{@code
 * Subject user = subjects.get("user-123");
 * user.set("email", "john@example.com");              // cached
 * user.store();                                       // every cached change in one round trip
 * user.set("logins", old -> old == null ? 1L : (Long) old + 1, Write.DIRECT);   // atomic in storage
 * }</pre>
 *
 * <p><b>Values</b> are JSON-shaped: {@code null}, {@code Boolean}, {@code Long} (other integer types are widened;
 * {@code BigInteger} beyond long stays), {@code Double} ({@code Float} and {@code BigDecimal} become Double),
 * {@code String}, {@code List} of values and {@code Map<String, ?>} of values. Values read back have those types
 * (lists and maps unmodifiable). Anything else is INVALID {@code UNSUPPORTED_VALUE} and changes nothing.
 *
 * <p><b>Cache.</b> Writes without a {@link Write} argument use the subject's {@link #defaultWrite()}. Until the subject is first written or read whole ({@link #keys()}, {@link #toMap()},
 * {@link #extProps()}, {@link #reload()}), single reads ({@code get}, {@code has}, {@code getExt}) go straight to
 * storage and cache nothing; from then on everything is loaded and reads come from the cache. Cached writes change
 * only the cache until {@link #store()}; direct writes ({@link Write#DIRECT}) go to storage at once and update the
 * cache too. {@link #reload()} re-reads storage and drops cached changes not yet stored.
 *
 * <p><b>Failures.</b> A missing property is NOT_FOUND {@code PROPERTY_NOT_FOUND}; a bad name INVALID
 * {@code INVALID_PROPERTY_NAME}; storage failures as {@link SubjectStorage} documents. A function that throws
 * leaves the subject and the storage unchanged and its exception reaches the caller.
 *
 * <p>Thread-safe (calls are serialized per instance), but meant to be used by one unit of work at a time; other
 * instances of the same subject see each other's writes only through storage.
 */
public interface Subject {

  /** The subject's name. */
  String name();

  /** The property's value. @throws dev.cairn.core.NotFoundException {@code PROPERTY_NOT_FOUND} if absent */
  Object get(String property);

  /** The property's value, or {@code fallback} when absent. */
  Object get(String property, Object fallback);

  boolean has(String property);

  /** The names of the properties, in insertion order. */
  Set<String> keys();

  /**
   * How writes without a {@link Write} argument reach storage: {@link Write#CACHED} unless the subject was obtained
   * with another default ({@link Subjects#get(String, Write)}), KRules' {@code use_cache_default}.
   */
  Write defaultWrite();

  /** Sets a property in the {@link #defaultWrite() default} way. */
  default Change set(String property, Object value) {
    return set(property, value, defaultWrite());
  }

  /** Sets a property in the way {@code write} says. */
  Change set(String property, Object value, Write write);

  /** Sets a property to {@code function(old)} in the default way ({@code old} is null when absent). */
  default Change set(String property, UnaryOperator<Object> function) {
    return set(property, function, defaultWrite());
  }

  /**
   * Sets a property to {@code function(old)}; with {@link Write#DIRECT} an atomic read-modify-write in storage, where
   * the function may run more than once (after a lost race) and must not use this subject's storage. A {@code null}
   * function (what Java picks for {@code set(name, null)}) sets JSON null.
   */
  Change set(String property, UnaryOperator<Object> function, Write write);

  /**
   * Adds {@code delta} to an integer property, with {@link Write#DIRECT} atomically in storage (HINCRBY on Redis,
   * a checked read-modify-write once the value leaves 64 bits); absent counts as 0. Past 2^63-1 the value is a
   * {@link java.math.BigInteger}, as KRules (Python) counts on. @throws dev.cairn.core.InvalidInputException {@code NOT_AN_INTEGER} for a non-integer value
   */
  Change increment(String property, long delta, Write write);

  /** Adds {@code delta} in the default way; see {@link #increment(String, long, Write)}. */
  default Change increment(String property, long delta) {
    return increment(property, delta, defaultWrite());
  }

  /**
   * Subtracts {@code delta}, KRules' {@code decr}: {@link #increment(String, long, Write)} of {@code -delta}, with
   * the same atomicity and failures.
   */
  default Change decrement(String property, long delta, Write write) {
    if (delta == Long.MIN_VALUE) {
      // -Long.MIN_VALUE is no long; refused rather than split into two increments, which would not be atomic.
      throw new InvalidInputException("INTEGER_OVERFLOW", "cannot decrement property '" + property
          + "' by " + delta + ": its negation does not fit a 64-bit integer");
    }
    return increment(property, -delta, write);
  }

  /** Subtracts {@code delta} in the default way. */
  default Change decrement(String property, long delta) {
    return decrement(property, delta, defaultWrite());
  }

  /** Deletes a property in the default way. @return its last value; @throws NotFoundException if absent */
  default Object delete(String property) {
    return delete(property, defaultWrite());
  }

  /** Deletes a property. @throws dev.cairn.core.NotFoundException {@code PROPERTY_NOT_FOUND} if absent */
  Object delete(String property, Write write);

  /** An extended property. @throws dev.cairn.core.NotFoundException {@code PROPERTY_NOT_FOUND} if absent */
  Object getExt(String property);

  Object getExt(String property, Object fallback);

  /** Whether the extended property exists (JSON null counts as present), KRules' {@code has_ext}. */
  boolean hasExt(String property);

  /**
   * What storage holds for the property now, bypassing a loaded cache (KRules' {@code use_cache=False} read):
   * {@code null} when storage has no such property. The cache, pending changes included, is left as it is.
   */
  PropertyValue stored(String property);

  /** As {@link #stored(String)}, for an extended property. */
  PropertyValue storedExt(String property);

  default Change setExt(String property, Object value) {
    return setExt(property, value, defaultWrite());
  }

  Change setExt(String property, Object value, Write write);

  /** Sets an extended property to {@code function(old)} in the default way. */
  default Change setExt(String property, UnaryOperator<Object> function) {
    return setExt(property, function, defaultWrite());
  }

  /**
   * Sets an extended property to {@code function(old)}, as {@link #set(String, UnaryOperator, Write)} does for a
   * property: with {@link Write#DIRECT} an atomic read-modify-write in storage. A {@code null} function sets JSON
   * null.
   */
  Change setExt(String property, UnaryOperator<Object> function, Write write);

  default Object deleteExt(String property) {
    return deleteExt(property, defaultWrite());
  }

  Object deleteExt(String property, Write write);

  /** The extended properties; an unmodifiable copy. */
  Map<String, Object> extProps();

  /** The properties; an unmodifiable copy in insertion order. */
  Map<String, Object> toMap();

  /**
   * The whole subject in one map, KRules' {@code dict()}: {@code "name"}, then every property under its own name,
   * then {@code "ext"} holding the extended properties. As in KRules, a property called {@code name} or {@code ext}
   * is hidden by those two keys. Loads the
   * subject like {@link #toMap()}; an unmodifiable copy.
   */
  Map<String, Object> dict();

  /** Writes every cached change to storage in one round trip (Redis MULTI/EXEC, one SQL transaction). */
  void store();

  /**
   * Deletes the whole subject from storage and cache, now; emits a property-deleted event per property and
   * extended property, then subject-deleted (see {@link SubjectEvent}).
   *
   * @return what storage held, read and deleted at once; {@link StoredSubject#EMPTY} when nothing was stored
   */
  StoredSubject flush();

  /** Re-reads the subject from storage, dropping cached changes not yet stored. */
  void reload();
}
