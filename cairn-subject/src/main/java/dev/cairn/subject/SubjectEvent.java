package dev.cairn.subject;

/**
 * What listeners are told, as KRules emits it. Events are delivered synchronously on the writing thread after the
 * write succeeded in the cache (cached mode) or in storage (direct mode).
 *
 * <ul>
 *   <li>A property write emits {@link PropertyChanged} unless the new value equals the previous one under Python's
 *       {@code ==} ({@code 1 == 1.0}, {@code True == 1}, lists and maps element-wise), where an absent property
 *       counts as None: setting None on an absent property emits nothing (the property is stored all the same).
 *   <li>Deleting a property emits {@link PropertyDeleted}; extended properties emit no change events and no
 *       delete events of their own, only those of {@link Subject#flush()}.
 *   <li>{@link Subject#flush()} emits {@link PropertyDeleted} for every property and extended property it deleted,
 *       then {@link SubjectDeleted} with a snapshot of both.
 *   <li>Muted writes ({@link Write#mute()}) emit nothing.
 * </ul>
 *
 * <p>Where Cairn differs from KRules on purpose: the flush snapshot is what storage held when it was deleted
 * (read and deleted atomically on Redis and memory, in one transaction on SQL), not the instance's cache, so
 * cached changes that were never stored are not reported as deleted.
 */
public sealed interface SubjectEvent {

  /** The subject the event is about. */
  String subject();

  /** A property was created or changed; {@code previous} is null when it did not exist (see {@code existed}). */
  record PropertyChanged(String subject, String property, Object value, Object previous, boolean existed)
      implements SubjectEvent {}

  /**
   * A property was deleted; {@code previous} is the value it held, {@code kind} says whether it was an extended
   * property (only {@link Subject#flush()} reports those).
   */
  record PropertyDeleted(String subject, String property, Object previous, PropertyKind kind)
      implements SubjectEvent {

    /** A deleted ordinary property. */
    public PropertyDeleted(String subject, String property, Object previous) {
      this(subject, property, previous, PropertyKind.PROPERTY);
    }
  }

  /**
   * The whole subject was deleted by {@link Subject#flush()}; {@code snapshot} is what storage held, empty when
   * nothing was stored.
   */
  record SubjectDeleted(String subject, StoredSubject snapshot) implements SubjectEvent {}
}
