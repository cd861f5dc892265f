package dev.cairn.subject;

/**
 * What listeners are told. Events are delivered synchronously on the writing thread after the write succeeded in
 * the cache (cached mode) or in storage (direct mode); muted writes and writes that change nothing emit none.
 * Extended properties emit no events.
 */
public sealed interface SubjectEvent {

  /** The subject the event is about. */
  String subject();

  /** A property was created or changed; {@code previous} is null when it did not exist (see {@code existed}). */
  record PropertyChanged(String subject, String property, Object value, Object previous, boolean existed)
      implements SubjectEvent {}

  /** A property was deleted; {@code previous} is the value it held. */
  record PropertyDeleted(String subject, String property, Object previous) implements SubjectEvent {}

  /** The whole subject was deleted by {@link Subject#flush()}. */
  record SubjectDeleted(String subject) implements SubjectEvent {}
}
