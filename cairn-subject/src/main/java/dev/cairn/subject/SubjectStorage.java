package dev.cairn.subject;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where subjects live: the SPI behind {@link Subjects}. Built by {@link SubjectStorages}; every implementation
 * passes {@code dev.cairn.subject.conformance.SubjectStorageConformance} (in this module's test-jar).
 * Implementations are thread-safe.
 *
 * <p>Subject and property names are within {@link #nameLimits()} (checked by {@link Subjects} before they get here;
 * property names may be empty); values are JSON-shaped (see {@link Subject}). Every operation either happens completely or not at all.
 *
 * <p>Failures: {@link dev.cairn.core.UnavailableException} when the server cannot be reached,
 * {@link dev.cairn.core.ConflictException} {@code SUBJECT_WRITE_CONFLICT} when an atomic read-modify-write lost
 * its race more often than the storage's retry bound, {@link dev.cairn.core.InvalidInputException} for values
 * that cannot be stored (codes per method), {@link dev.cairn.core.CairnException} for anything unexpected.
 */
public interface SubjectStorage extends AutoCloseable {

  /** Everything stored for {@code subject}; {@link StoredSubject#EMPTY} when nothing is. */
  StoredSubject load(String subject);

  /**
   * One stored property, or {@code null} when it does not exist. The default loads the whole subject; storages
   * override it with a single-field read.
   */
  default PropertyValue read(String subject, PropertyKind kind, String property) {
    Map<String, Object> values = load(subject).of(kind);
    return values.containsKey(property) ? new PropertyValue(values.get(property)) : null;
  }

  /** Writes all {@code changes} of one subject at once, atomically and in one round trip where the store allows. */
  void store(String subject, PendingChanges changes);

  /**
   * Sets one property at once, atomically.
   *
   * @return the new and the previous value
   */
  Change set(String subject, PropertyKind kind, String property, Object value);

  /**
   * Atomic read-modify-write of one property: {@code function} gets the stored value ({@code null} when absent)
   * and returns the new one, which is written only if nothing else wrote the subject meanwhile. The function may
   * run more than once (after a lost race), must not touch this storage and should have no side effects; if it
   * throws, nothing is written and the exception reaches the caller unchanged.
   *
   * @return the new and the previous value
   */
  Change compute(String subject, PropertyKind kind, String property, UnaryOperator<Object> function);

  /**
   * Adds {@code delta} to an integer property atomically (absent counts as 0), with the store's own increment
   * where it has one. A sum beyond 64 bits is a {@link java.math.BigInteger} (stored as the plain JSON integer
   * Python writes), one back within 64 bits a Long.
   *
   * @return the new and the previous value
   * @throws dev.cairn.core.InvalidInputException {@code NOT_AN_INTEGER} when the property holds anything but an
   *     integer
   */
  Change increment(String subject, PropertyKind kind, String property, long delta);

  /**
   * Deletes one property at once.
   *
   * @return the deleted value's {@link Change} ({@code value} null, {@code previous} what it held), or null when
   *     the property did not exist
   */
  Change delete(String subject, PropertyKind kind, String property);

  /** Deletes the whole subject; returns whether anything was stored. */
  boolean flush(String subject);

  /**
   * Deletes the whole subject and returns what it held ({@link StoredSubject#EMPTY} when nothing), read and deleted
   * at once: the snapshot of KRules' subject-deleted event. The default loads, then flushes, and may miss a write
   * landing in between; storages override it with an atomic version.
   */
  default StoredSubject remove(String subject) {
    StoredSubject held = load(subject);
    flush(subject);
    return held;
  }

  /**
   * The names of the stored subjects that start with {@code prefix} (empty: all), each once, in no particular order.
   * Meant for tooling, not hot paths: Redis scans the keys (every master of a Cluster), SQL reads the property
   * rows at or after the prefix. Subjects written or deleted meanwhile may or may not be listed.
   */
  List<String> names(String prefix);

  /** The longest names this storage holds; the default is Redis' own limit. */
  default NameLimits nameLimits() {
    return NameLimits.REDIS;
  }

  /** True when subjects outlive the process (Redis, a SQL file or server), false for memory. */
  boolean isPersistent();

  /** True when several threads and processes sharing the store see atomic writes (false only for no-op stores). */
  boolean isConcurrencySafe();

  /** What the storage counted since it was opened; the default counts nothing ({@link StorageStats#NOT_COUNTED}). */
  default StorageStats stats() {
    return StorageStats.NOT_COUNTED;
  }

  /** Releases what the storage opened itself; a store or database passed in by the caller stays open. */
  @Override
  void close();
}
