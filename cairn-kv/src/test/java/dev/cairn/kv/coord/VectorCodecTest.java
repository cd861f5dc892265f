package dev.cairn.kv.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import org.junit.jupiter.api.Test;

class VectorCodecTest {

  @Test
  void encode_oneComponent_isLittleEndianIeee754() {
    // 1.0f is 0x3F800000; little-endian puts the low byte first
    assertThat(VectorCodec.encode("k", new float[] {1.0f})).containsExactly(0x00, 0x00, 0x80, 0x3F);
  }

  @Test
  void decode_encoded_roundTripsEdgeValues() {
    float[] vector = {Float.MIN_VALUE, -Float.MAX_VALUE, -0.0f, 1e-30f};

    assertThat(VectorCodec.decode("k", VectorCodec.encode("k", vector))).containsExactly(vector);
  }

  @Test
  void decode_emptyBytes_corruptEmbedding() {
    assertThatThrownBy(() -> VectorCodec.decode("k", new byte[0]))
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("CORRUPT_EMBEDDING"));
  }
}
