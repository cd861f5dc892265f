package dev.cairn.subject;

import dev.cairn.subject.internal.CachedSubject;
import dev.cairn.subject.internal.Names;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The door to subjects: hands out {@link Subject}s by name over one {@link SubjectStorage} and tells listeners
 * about changes.
 *
 * <pre>{@code
 * Subjects subjects = Subjects.on(SubjectStorages.redis(kv, "myapp:"));
 * subjects.addListener(event -> log(event));
 * Subject user = subjects.get("user-123");
 * }</pre>
 *
 * <p>Thread-safe. Closing it closes the storage.
 */
public final class Subjects implements AutoCloseable {
  private final SubjectStorage storage;
  private final List<SubjectListener> listeners = new CopyOnWriteArrayList<>();

  private Subjects(SubjectStorage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /** Subjects over {@code storage}. */
  public static Subjects on(SubjectStorage storage) {
    return new Subjects(storage);
  }

  /** Subjects in a fresh in-process memory storage. */
  public static Subjects inMemory() {
    return new Subjects(SubjectStorages.memory());
  }

  /**
   * The subject called {@code name}; nothing is read until it is first used. Each call returns a new instance with
   * its own cache.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_SUBJECT_NAME} for an empty or null name, or one
   *     beyond the storage's {@link SubjectStorage#nameLimits()} (Redis: 512 MiB; SQL: 255 characters)
   */
  public Subject get(String name) {
    return get(name, Write.CACHED);
  }

  /**
   * The subject called {@code name} whose writes without a {@link Write} argument go the way {@code defaultWrite}
   * says (KRules' {@code use_cache_default}): {@link Write#DIRECT} makes {@code set(name, value)} a write to storage.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_SUBJECT_NAME} as {@link #get(String)}
   */
  public Subject get(String name, Write defaultWrite) {
    Names.requireSubject(name, storage.nameLimits());
    return new CachedSubject(name, storage, this::publish, Objects.requireNonNull(defaultWrite, "defaultWrite"));
  }

  /** Adds a listener for every subject of this instance. */
  public void addListener(SubjectListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener; returns whether it was registered. */
  public boolean removeListener(SubjectListener listener) {
    return listeners.remove(listener);
  }

  /** The storage subjects live in. */
  public SubjectStorage storage() {
    return storage;
  }

  private void publish(SubjectEvent event) {
    for (SubjectListener listener : listeners) {
      listener.onEvent(event);
    }
  }

  @Override
  public void close() {
    storage.close();
  }
}
