package dev.cairn.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlTest {

  @Test
  void fromPttl_redisAnswers_decoded() {
    assertThat(Ttl.fromPttl(-2)).isEqualTo(Ttl.missing());
    assertThat(Ttl.fromPttl(-2).exists()).isFalse();
    assertThat(Ttl.fromPttl(-1)).isEqualTo(Ttl.persistent());
    assertThat(Ttl.fromPttl(-1).timeLeft()).isEmpty();
    assertThat(Ttl.fromPttl(1500).timeLeft()).contains(Duration.ofMillis(1500));
  }
}
