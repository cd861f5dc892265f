package dev.cairn.subject.internal;

import dev.cairn.core.NotFoundException;
import dev.cairn.subject.Change;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.PropertyValue;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectEvent;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.Write;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@link Subject} over a {@link SubjectStorage} with a cache loaded on first use. Every public method holds the
 * instance lock, so the cache and its pending changes move together; events are published after the change, still
 * under the lock, so one subject's events arrive in the order of its writes.
 */
public final class CachedSubject implements Subject {
  private final String name;
  private final SubjectStorage storage;
  private final Consumer<SubjectEvent> events;
  private final Write defaultWrite;
  private SubjectCache cache;

  public CachedSubject(String name, SubjectStorage storage, Consumer<SubjectEvent> events, Write defaultWrite) {
    this.name = name;
    this.storage = storage;
    this.events = events;
    this.defaultWrite = defaultWrite;
  }

  @Override
  public Write defaultWrite() {
    return defaultWrite;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Object get(String property) {
    return require(PropertyKind.PROPERTY, property);
  }

  @Override
  public synchronized Object get(String property, Object fallback) {
    PropertyValue stored = lookup(PropertyKind.PROPERTY, property);
    return stored == null ? fallback : stored.value();
  }

  @Override
  public synchronized boolean has(String property) {
    return lookup(PropertyKind.PROPERTY, property) != null;
  }

  @Override
  public synchronized Set<String> keys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(cache().values(PropertyKind.PROPERTY).keySet()));
  }

  @Override
  public synchronized Change set(String property, Object value, Write write) {
    return write(PropertyKind.PROPERTY, property, value, write);
  }

  @Override
  public synchronized Change set(String property, UnaryOperator<Object> function, Write write) {
    return apply(PropertyKind.PROPERTY, property, function, write);
  }

  @Override
  public synchronized Change setExt(String property, UnaryOperator<Object> function, Write write) {
    return apply(PropertyKind.EXTENDED, property, function, write);
  }

  private Change apply(PropertyKind kind, String property, UnaryOperator<Object> function, Write write) {
    if (function == null) {
      // Java picks this overload for a literal null; the caller means JSON null.
      return write(kind, property, null, write);
    }
    Names.requireProperty(property, storage.nameLimits());
    if (write.direct()) {
      UnaryOperator<Object> normalizing = old -> Values.normalize(function.apply(old));
      return afterDirect(kind, property, storage.compute(name, kind, property, normalizing), write);
    }
    Object old = cache().values(kind).get(property);
    return write(kind, property, function.apply(old), write);
  }

  @Override
  public synchronized Change increment(String property, long delta, Write write) {
    Names.requireProperty(property, storage.nameLimits());
    if (!write.direct()) {
      Object old = cache().values(PropertyKind.PROPERTY).get(property);
      return write(PropertyKind.PROPERTY, property, Increments.add(old, delta, property), write);
    }
    return afterDirect(PropertyKind.PROPERTY, property,
        storage.increment(name, PropertyKind.PROPERTY, property, delta), write);
  }

  @Override
  public synchronized Object delete(String property, Write write) {
    return remove(PropertyKind.PROPERTY, property, write);
  }

  @Override
  public synchronized Object getExt(String property) {
    return require(PropertyKind.EXTENDED, property);
  }

  @Override
  public synchronized Object getExt(String property, Object fallback) {
    PropertyValue stored = lookup(PropertyKind.EXTENDED, property);
    return stored == null ? fallback : stored.value();
  }

  @Override
  public synchronized boolean hasExt(String property) {
    return lookup(PropertyKind.EXTENDED, property) != null;
  }

  @Override
  public synchronized PropertyValue stored(String property) {
    Names.requireProperty(property, storage.nameLimits());
    return storage.read(name, PropertyKind.PROPERTY, property);
  }

  @Override
  public synchronized PropertyValue storedExt(String property) {
    Names.requireProperty(property, storage.nameLimits());
    return storage.read(name, PropertyKind.EXTENDED, property);
  }

  @Override
  public synchronized Change setExt(String property, Object value, Write write) {
    return write(PropertyKind.EXTENDED, property, value, write);
  }

  @Override
  public synchronized Object deleteExt(String property, Write write) {
    return remove(PropertyKind.EXTENDED, property, write);
  }

  @Override
  public synchronized Map<String, Object> extProps() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(cache().values(PropertyKind.EXTENDED)));
  }

  @Override
  public synchronized Map<String, Object> toMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(cache().values(PropertyKind.PROPERTY)));
  }

  @Override
  public synchronized Map<String, Object> dict() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("name", name);
    all.putAll(cache().values(PropertyKind.PROPERTY));
    all.put("name", name);
    all.put("ext", Collections.unmodifiableMap(new LinkedHashMap<>(cache().values(PropertyKind.EXTENDED))));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public synchronized void store() {
    if (cache == null) {
      return;
    }
    var pending = cache.pending();
    if (!pending.isEmpty()) {
      storage.store(name, pending);
    }
    cache.markStored();
  }

  /** KRules' order: a property-deleted event per property and extended property, then subject-deleted. */
  @Override
  public synchronized StoredSubject flush() {
    StoredSubject removed = storage.remove(name);
    cache = new SubjectCache(StoredSubject.EMPTY);
    for (PropertyKind kind : PropertyKind.values()) {
      removed.of(kind).forEach((property, previous) ->
          events.accept(new SubjectEvent.PropertyDeleted(name, property, previous, kind)));
    }
    events.accept(new SubjectEvent.SubjectDeleted(name, removed));
    return removed;
  }

  @Override
  public synchronized void reload() {
    cache = new SubjectCache(storage.load(name));
  }

  @Override
  public String toString() {
    return "Subject[" + name + "]";
  }

  private SubjectCache cache() {
    if (cache == null) {
      cache = new SubjectCache(storage.load(name));
    }
    return cache;
  }

  private Object require(PropertyKind kind, String property) {
    PropertyValue stored = lookup(kind, property);
    if (stored == null) {
      throw notFound(kind, property);
    }
    return stored.value();
  }

  /**
   * One property: from the cache once it is loaded, else straight from storage (one field read, nothing cached),
   * so reading a property of a subject that is not being written costs what a raw HGET costs.
   */
  private PropertyValue lookup(PropertyKind kind, String property) {
    Names.requireProperty(property, storage.nameLimits());
    if (cache == null) {
      return storage.read(name, kind, property);
    }
    Map<String, Object> values = cache.values(kind);
    return values.containsKey(property) ? new PropertyValue(values.get(property)) : null;
  }

  private NotFoundException notFound(PropertyKind kind, String property) {
    String what = kind == PropertyKind.PROPERTY ? "property" : "extended property";
    return new NotFoundException("PROPERTY_NOT_FOUND", "subject " + name + " has no " + what + " '" + property + "'",
        Map.of("subject", name, "property", property), null);
  }

  private Change write(PropertyKind kind, String property, Object value, Write write) {
    Names.requireProperty(property, storage.nameLimits());
    Object normalized = Values.normalize(value);
    if (write.direct()) {
      return afterDirect(kind, property, storage.set(name, kind, property, normalized), write);
    }
    Map<String, Object> values = cache().values(kind);
    Change change = new Change(normalized, values.get(property), values.containsKey(property));
    cache.write(kind, property, normalized);
    announce(kind, property, change, write);
    return change;
  }

  private Change afterDirect(PropertyKind kind, String property, Change change, Write write) {
    if (cache != null) {
      cache.applyStored(kind, property, change.value(), true);
    }
    announce(kind, property, change, write);
    return change;
  }

  private Object remove(PropertyKind kind, String property, Write write) {
    Names.requireProperty(property, storage.nameLimits());
    Object previous;
    if (write.direct()) {
      Change deleted = storage.delete(name, kind, property);
      if (deleted == null) {
        throw notFound(kind, property);
      }
      previous = deleted.previous();
      if (cache != null) {
        cache.applyStored(kind, property, null, false);
      }
    } else {
      Map<String, Object> values = cache().values(kind);
      if (!values.containsKey(property)) {
        throw notFound(kind, property);
      }
      previous = values.get(property);
      cache.delete(kind, property);
    }
    if (kind == PropertyKind.PROPERTY && !write.muted()) {
      events.accept(new SubjectEvent.PropertyDeleted(name, property, previous));
    }
    return previous;
  }

  private void announce(PropertyKind kind, String property, Change change, Write write) {
    // KRules emits when value != old_value in Python, an absent property being None.
    if (kind == PropertyKind.PROPERTY && !write.muted() && !PythonEquality.equal(change.value(), change.previous())) {
      events.accept(new SubjectEvent.PropertyChanged(name, property, change.value(), change.previous(),
          change.existed()));
    }
  }
}
