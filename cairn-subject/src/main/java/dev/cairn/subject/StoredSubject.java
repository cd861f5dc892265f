package dev.cairn.subject;

import java.util.Map;

/**
 * A subject as read from storage: its properties and extended properties, by name. Immutable; values are
 * JSON-shaped (see {@link Subject}), JSON null included, so use {@code containsKey} to test for presence.
 */
public record StoredSubject(Map<String, Object> properties, Map<String, Object> extended) {
  /** A subject with nothing stored. */
  public static final StoredSubject EMPTY = new StoredSubject(Map.of(), Map.of());

  public StoredSubject {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    extended = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extended));
  }

  /** The properties of {@code kind}. */
  public Map<String, Object> of(PropertyKind kind) {
    return kind == PropertyKind.PROPERTY ? properties : extended;
  }

  public boolean isEmpty() {
    return properties.isEmpty() && extended.isEmpty();
  }
}
