package dev.cairn.subject.internal;

import dev.cairn.subject.Change;
import dev.cairn.subject.PendingChanges;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.StorageStats;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.SubjectStorage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A real in-process storage (unlike KRules' no-op one): subjects are immutable {@link StoredSubject}s in a
 * concurrent map, replaced whole by {@link ConcurrentHashMap#compute}, which makes every operation atomic per
 * subject. The user's function runs inside compute, so it must not touch this storage (the SPI says so).
 */
public final class MemoryStorage implements SubjectStorage {
  private final ConcurrentHashMap<String, StoredSubject> subjects = new ConcurrentHashMap<>();

  @Override
  public StoredSubject load(String subject) {
    return subjects.getOrDefault(subject, StoredSubject.EMPTY);
  }

  @Override
  public void store(String subject, PendingChanges changes) {
    subjects.compute(subject, (key, current) -> {
      Map<PropertyKind, Map<String, Object>> next = copy(current);
      for (PropertyKind kind : PropertyKind.values()) {
        next.get(kind).keySet().removeAll(changes.deletes(kind));
        next.get(kind).putAll(changes.writes(kind));
      }
      return frozen(next);
    });
  }

  @Override
  public Change set(String subject, PropertyKind kind, String property, Object value) {
    return compute(subject, kind, property, old -> value);
  }

  @Override
  public Change compute(String subject, PropertyKind kind, String property, UnaryOperator<Object> function) {
    Change[] change = new Change[1];
    subjects.compute(subject, (key, current) -> {
      Map<PropertyKind, Map<String, Object>> next = copy(current);
      Map<String, Object> values = next.get(kind);
      Object old = values.get(property);
      Object value = Values.normalize(function.apply(old));
      change[0] = new Change(value, old, values.containsKey(property));
      values.put(property, value);
      return frozen(next);
    });
    return change[0];
  }

  @Override
  public Change increment(String subject, PropertyKind kind, String property, long delta) {
    return compute(subject, kind, property, old -> Increments.add(old, delta, property));
  }

  @Override
  public Change delete(String subject, PropertyKind kind, String property) {
    Change[] change = new Change[1];
    subjects.computeIfPresent(subject, (key, current) -> {
      if (!current.of(kind).containsKey(property)) {
        return current;
      }
      Map<PropertyKind, Map<String, Object>> next = copy(current);
      change[0] = new Change(null, next.get(kind).remove(property), true);
      return frozen(next);
    });
    return change[0];
  }

  @Override
  public boolean flush(String subject) {
    StoredSubject removed = subjects.remove(subject);
    return removed != null && !removed.isEmpty();
  }

  @Override
  public List<String> names(String prefix) {
    return subjects.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
  }

  @Override
  public StoredSubject remove(String subject) {
    StoredSubject removed = subjects.remove(subject);
    return removed == null ? StoredSubject.EMPTY : removed;
  }

  @Override
  public boolean isPersistent() {
    return false;
  }

  @Override
  public boolean isConcurrencySafe() {
    return true;
  }

  @Override
  public StorageStats stats() {
    return new StorageStats(0);
  }

  @Override
  public void close() {
    subjects.clear();
  }

  @Override
  public String toString() {
    return "memory subject storage (" + subjects.size() + " subjects)";
  }

  private static Map<PropertyKind, Map<String, Object>> copy(StoredSubject current) {
    StoredSubject base = current == null ? StoredSubject.EMPTY : current;
    Map<PropertyKind, Map<String, Object>> copy = new EnumMap<>(PropertyKind.class);
    for (PropertyKind kind : PropertyKind.values()) {
      copy.put(kind, new LinkedHashMap<>(base.of(kind)));
    }
    return copy;
  }

  private static StoredSubject frozen(Map<PropertyKind, Map<String, Object>> values) {
    StoredSubject next = new StoredSubject(values.get(PropertyKind.PROPERTY), values.get(PropertyKind.EXTENDED));
    // An emptied subject is removed, as Redis drops an empty hash.
    return next.isEmpty() ? null : next;
  }
}
