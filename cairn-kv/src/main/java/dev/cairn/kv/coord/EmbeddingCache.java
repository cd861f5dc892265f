package dev.cairn.kv.coord;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.SetOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cache of embedding vectors, so a text is embedded once: float32 components stored as compact little-endian
 * binary (4 bytes per dimension, readable as {@code numpy.frombuffer(b, '<f4')}) under {@code embedding:<key>},
 * each with a TTL.
 *
 * <pre>{@code
 * EmbeddingCache cache = EmbeddingCache.on(kv, Duration.ofDays(7));
 * float[] vector = cache.get(sha256(text)).orElseGet(() -> {
 *   float[] fresh = model.embed(text);
 *   cache.put(sha256(text), fresh);
 *   return fresh;
 * });
 * }</pre>
 *
 * <p>Thread-safe. Arrays are copied in and out. Failures are those of {@link KeyValue} plus the ones listed.
 */
public final class EmbeddingCache {
  private static final String PREFIX = "embedding:";

  private final KeyValue kv;
  private final Duration defaultTtl;

  private EmbeddingCache(KeyValue kv, Duration defaultTtl) {
    this.kv = kv;
    this.defaultTtl = defaultTtl;
  }

  /**
   * A cache in {@code kv} whose entries expire after {@code defaultTtl} unless put with another TTL.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_DURATION} for a TTL below 1 ms
   */
  public static EmbeddingCache on(KeyValue kv, Duration defaultTtl) {
    return new EmbeddingCache(Objects.requireNonNull(kv, "kv"), Checks.atLeastOneMilli("embedding TTL", defaultTtl));
  }

  /**
   * The vector cached for {@code key}, or empty.
   *
   * @throws dev.cairn.core.InvalidInputException {@code EMPTY_NAME} for an empty key
   * @throws dev.cairn.core.CairnException {@code CORRUPT_EMBEDDING} when the stored value is not float32 data
   */
  public Optional<float[]> get(String key) {
    return kv.getBytes(storeKey(key)).map(bytes -> VectorCodec.decode(key, bytes));
  }

  /** Caches {@code vector} for the default TTL; see {@link #put(String, float[], Duration)}. */
  public void put(String key, float[] vector) {
    put(key, vector, defaultTtl);
  }

  /**
   * Caches {@code vector} for {@code ttl}, replacing any vector cached for {@code key}.
   *
   * @throws dev.cairn.core.InvalidInputException {@code EMPTY_NAME} for an empty key, {@code EMPTY_VECTOR} for a
   *     vector without dimensions, {@code NON_FINITE_VECTOR} for a NaN or infinite component,
   *     {@code INVALID_DURATION} for a TTL below 1 ms, {@code VALUE_TOO_LARGE} over the store's value limit
   */
  public void put(String key, float[] vector, Duration ttl) {
    String storeKey = storeKey(key);
    Objects.requireNonNull(vector, "vector");
    Checks.atLeastOneMilli("embedding TTL", ttl);
    kv.setBytes(storeKey, VectorCodec.encode(key, vector), SetOptions.ttl(ttl));
  }

  /**
   * The cached vectors of the keys that have one, in the order asked, in one round trip (one per slot on a
   * cluster).
   *
   * @return a map from key to vector without the missing keys
   * @throws dev.cairn.core.InvalidInputException {@code EMPTY_NAME} for an empty key
   * @throws dev.cairn.core.CairnException {@code CORRUPT_EMBEDDING} when a stored value is not float32 data
   */
  public Map<String, float[]> getMany(Collection<String> keys) {
    List<String> storeKeys = keys.stream().map(EmbeddingCache::storeKey).distinct().toList();
    Map<String, float[]> vectors = new LinkedHashMap<>();
    if (storeKeys.isEmpty()) {
      return vectors;
    }
    kv.mgetBytes(storeKeys).forEach((storeKey, bytes) -> {
      String key = storeKey.substring(PREFIX.length());
      vectors.put(key, VectorCodec.decode(key, bytes));
    });
    return vectors;
  }

  /** Removes the vector cached for {@code key}; returns whether there was one. */
  public boolean remove(String key) {
    return kv.delete(storeKey(key)) == 1;
  }

  /** The TTL of {@link #put(String, float[])}. */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  private static String storeKey(String key) {
    return PREFIX + Checks.name("embedding key", key);
  }
}
