package dev.cairn.subject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subject as read from storage: its properties and extended properties, by name. Immutable; values are
 * JSON-shaped (see {@link Subject}), JSON null included, so use {@code containsKey} to test for presence.
 */
public record StoredSubject(Map<String, Object> properties, Map<String, Object> extended) {
  /** A subject with nothing stored. */
  public static final StoredSubject EMPTY = new StoredSubject(Map.of(), Map.of());

  public StoredSubject {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    extended = Collections.unmodifiableMap(new LinkedHashMap<>(extended));
  }

  /** The properties of {@code kind}. */
  public Map<String, Object> of(PropertyKind kind) {
    return kind == PropertyKind.PROPERTY ? properties : extended;
  }

  public boolean isEmpty() {
    return properties.isEmpty() && extended.isEmpty();
  }
}
