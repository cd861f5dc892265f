package dev.cairn.subject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The cached changes of one subject that {@link Subject#store()} hands to {@link SubjectStorage#store}: values to
 * write and names to delete, per kind. A name is never both written and deleted. Immutable.
 */
public record PendingChanges(
    Map<String, Object> properties, Set<String> deletedProperties,
    Map<String, Object> extended, Set<String> deletedExtended) {

  public PendingChanges {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    extended = Collections.unmodifiableMap(new LinkedHashMap<>(extended));
    deletedProperties = Set.copyOf(deletedProperties);
    deletedExtended = Set.copyOf(deletedExtended);
  }

  /** Values to write of {@code kind}. */
  public Map<String, Object> writes(PropertyKind kind) {
    return kind == PropertyKind.PROPERTY ? properties : extended;
  }

  /** Names to delete of {@code kind}. */
  public Set<String> deletes(PropertyKind kind) {
    return kind == PropertyKind.PROPERTY ? deletedProperties : deletedExtended;
  }

  public boolean isEmpty() {
    return properties.isEmpty() && extended.isEmpty() && deletedProperties.isEmpty() && deletedExtended.isEmpty();
  }
}
