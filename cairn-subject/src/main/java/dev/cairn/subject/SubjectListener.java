package dev.cairn.subject;

/**
 * Receives {@link SubjectEvent}s from a {@link Subjects}. Called on the writing thread, after the write; must be
 * thread-safe when subjects are written from several threads. An exception thrown here reaches the writer (the
 * write itself has already happened) and the remaining listeners are not called for that event.
 */
@FunctionalInterface
public interface SubjectListener {
  void onEvent(SubjectEvent event);
}
