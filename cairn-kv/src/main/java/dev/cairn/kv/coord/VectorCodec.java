package dev.cairn.kv.coord;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * float32 vectors as compact little-endian bytes, 4 per dimension and nothing else (what numpy's
 * {@code astype('<f4').tobytes()} writes), so other languages can read the cache. Stateless.
 */
final class VectorCodec {
  private VectorCodec() {}

  /**
   * @throws InvalidInputException {@code EMPTY_VECTOR} for no dimensions, {@code NON_FINITE_VECTOR} for a NaN or
   *     infinite component
   */
  static byte[] encode(String key, float[] vector) {
    if (vector.length == 0) {
      throw new InvalidInputException("EMPTY_VECTOR", "embedding for '" + key + "' has no dimensions");
    }
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new InvalidInputException("NON_FINITE_VECTOR",
            "embedding for '" + key + "' has " + vector[i] + " at dimension " + i);
      }
      buffer.putFloat(vector[i]);
    }
    return buffer.array();
  }

  /** @throws CairnException {@code CORRUPT_EMBEDDING} when the length is not a positive multiple of 4 */
  static float[] decode(String key, byte[] bytes) {
    if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
      throw new CairnException("CORRUPT_EMBEDDING", "value at embedding '" + key + "' is " + bytes.length
          + " bytes, not a whole number of float32 components");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
