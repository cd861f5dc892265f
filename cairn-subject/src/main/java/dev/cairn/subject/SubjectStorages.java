package dev.cairn.subject;

import dev.cairn.subject.internal.MemoryStorage;

/**
 * Builds {@link SubjectStorage}s: memory, Redis in KRules' layout, SQL on any database, a router by subject-name
 * prefix. Thread-safe.
 */
public final class SubjectStorages {
  private SubjectStorages() {}

  /** A fresh in-process storage: thread-safe and atomic, gone with the process. */
  public static SubjectStorage memory() {
    return new MemoryStorage();
  }
}
