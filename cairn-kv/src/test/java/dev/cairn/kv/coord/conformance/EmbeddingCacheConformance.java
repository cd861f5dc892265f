package dev.cairn.kv.coord.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.conformance.KeyValueFixture;
import dev.cairn.kv.coord.EmbeddingCache;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend must show for {@link EmbeddingCache}, part of {@link CoordinationConformance}: round
 * trips, wire format, TTL, batch reads.
 */
public interface EmbeddingCacheConformance extends KeyValueFixture {
  float[] VECTOR = {0.25f, -1.5f, 3.0e-8f, Float.MAX_VALUE, -0.0f};

  @Test
  default void put_thenGet_returnsSameComponentsAsCopy() {
    EmbeddingCache cache = openCache();
    float[] vector = VECTOR.clone();
    cache.put("doc-1", vector);
    vector[0] = 99f;

    float[] read = cache.get("doc-1").orElseThrow();

    assertThat(read).containsExactly(VECTOR);
    read[1] = 42f;
    assertThat(cache.get("doc-1").orElseThrow()).containsExactly(VECTOR);
  }

  @Test
  default void put_storesLittleEndianFloat32Only() {
    EmbeddingCache cache = openCache();
    cache.put("doc-1", VECTOR);

    byte[] stored = kv().getBytes("embedding:doc-1").orElseThrow();

    assertThat(stored).hasSize(VECTOR.length * 4);
    ByteBuffer expected = ByteBuffer.allocate(VECTOR.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float component : VECTOR) {
      expected.putFloat(component);
    }
    assertThat(stored).containsExactly(expected.array());
  }

  @Test
  default void put_withTtl_expiresAfterIt() {
    EmbeddingCache cache = openCache();
    cache.put("short", VECTOR, Duration.ofMillis(300));
    cache.put("long", VECTOR);

    passTime(Duration.ofMillis(600));

    assertThat(cache.get("short")).isEmpty();
    assertThat(cache.get("long")).isPresent();
  }

  @Test
  default void getMany_mixOfPresentAndMissing_returnsPresentInAskedOrder() {
    EmbeddingCache cache = openCache();
    cache.put("b", new float[] {2f});
    cache.put("a", new float[] {1f, 1f});

    Map<String, float[]> found = cache.getMany(List.of("b", "missing", "a"));

    assertThat(found.keySet()).containsExactly("b", "a");
    assertThat(found.get("a")).containsExactly(1f, 1f);
    assertThat(found.get("b")).containsExactly(2f);
    assertThat(cache.getMany(List.of())).isEmpty();
  }

  @Test
  default void remove_cachedKey_deletesIt() {
    EmbeddingCache cache = openCache();
    cache.put("doc-1", VECTOR);

    assertThat(cache.remove("doc-1")).isTrue();

    assertThat(cache.get("doc-1")).isEmpty();
    assertThat(cache.remove("doc-1")).isFalse();
  }

  @Test
  default void put_badInput_failsWithCodeAndStoresNothing() {
    EmbeddingCache cache = openCache();
    assertThatThrownBy(() -> cache.put("doc", new float[0]))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_VECTOR"));
    assertThatThrownBy(() -> cache.put("doc", new float[] {1f, Float.NaN}))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("NON_FINITE_VECTOR"));
    assertThatThrownBy(() -> cache.put("", VECTOR))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_NAME"));
    assertThatThrownBy(() -> cache.put("doc", VECTOR, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));

    assertThat(kv().scan("*").toList()).isEmpty();
  }

  @Test
  default void get_valueNotFloat32_failsCorruptEmbedding() {
    EmbeddingCache cache = openCache();
    kv().setBytes("embedding:odd", new byte[] {1, 2, 3}, SetOptions.always());

    assertThatThrownBy(() -> cache.get("odd"))
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("CORRUPT_EMBEDDING"))
        .hasMessageContaining("3 bytes");
  }

  private EmbeddingCache openCache() {
    return EmbeddingCache.on(kv(), Duration.ofMinutes(10));
  }
}
