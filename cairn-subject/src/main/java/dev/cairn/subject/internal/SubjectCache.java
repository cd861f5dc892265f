package dev.cairn.subject.internal;

import dev.cairn.subject.PendingChanges;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.StoredSubject;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One subject's values as last loaded plus the changes not yet stored. Not thread-safe; {@link CachedSubject}
 * guards it. Values are kept normalized; JSON null is a present value, absence is absence of the key.
 */
final class SubjectCache {
  private final Map<PropertyKind, Map<String, Object>> values = new EnumMap<>(PropertyKind.class);
  private final Map<PropertyKind, Map<String, Object>> writes = new EnumMap<>(PropertyKind.class);
  private final Map<PropertyKind, Set<String>> deletes = new EnumMap<>(PropertyKind.class);

  SubjectCache(StoredSubject stored) {
    for (PropertyKind kind : PropertyKind.values()) {
      values.put(kind, new LinkedHashMap<>(stored.of(kind)));
      writes.put(kind, new LinkedHashMap<>());
      deletes.put(kind, new HashSet<>());
    }
  }

  Map<String, Object> values(PropertyKind kind) {
    return values.get(kind);
  }

  /** Records a cached write. */
  void write(PropertyKind kind, String name, Object value) {
    values.get(kind).put(name, value);
    writes.get(kind).put(name, value);
    deletes.get(kind).remove(name);
  }

  /** Records a cached delete. */
  void delete(PropertyKind kind, String name) {
    values.get(kind).remove(name);
    writes.get(kind).remove(name);
    deletes.get(kind).add(name);
  }

  /** Mirrors a direct write that storage already holds; a pending cached change of the name is superseded. */
  void applyStored(PropertyKind kind, String name, Object value, boolean present) {
    if (present) {
      values.get(kind).put(name, value);
    } else {
      values.get(kind).remove(name);
    }
    writes.get(kind).remove(name);
    deletes.get(kind).remove(name);
  }

  PendingChanges pending() {
    return new PendingChanges(writes.get(PropertyKind.PROPERTY), deletes.get(PropertyKind.PROPERTY),
        writes.get(PropertyKind.EXTENDED), deletes.get(PropertyKind.EXTENDED));
  }

  void markStored() {
    for (PropertyKind kind : PropertyKind.values()) {
      writes.get(kind).clear();
      deletes.get(kind).clear();
    }
  }
}
