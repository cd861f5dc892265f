package dev.cairn.vector;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One stored vector with its id and metadata. Metadata values are strings, numbers or booleans (a {@code null}
 * value means the key is absent); filters address them by key. The vector array is copied in and out.
 */
public record VectorItem(String id, float[] vector, Map<String, Object> metadata) {
  public VectorItem {
    Objects.requireNonNull(vector, "vector");
    vector = vector.clone();
    metadata = metadata == null ? Map.of() : metadata;
  }

  public static VectorItem of(String id, float[] vector) {
    return new VectorItem(id, vector, Map.of());
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VectorItem item && Objects.equals(id, item.id) && Arrays.equals(vector, item.vector)
        && metadata.equals(item.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, Arrays.hashCode(vector), metadata);
  }

  @Override
  public String toString() {
    return "VectorItem[" + id + ", dimension=" + vector.length + ", metadata=" + metadata + "]";
  }
}
