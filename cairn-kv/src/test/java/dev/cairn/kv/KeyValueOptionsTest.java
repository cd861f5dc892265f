package dev.cairn.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyValueOptionsTest {

  @Test
  void withMaxValueBytes_overRedisLimit_invalidOption() {
    assertThatThrownBy(() -> KeyValueOptions.defaults().withMaxValueBytes(KeyValueOptions.REDIS_MAX_VALUE_BYTES + 1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"));
  }

  @Test
  void withCommandTimeout_zero_invalidOption() {
    assertThatThrownBy(() -> KeyValueOptions.defaults().withCommandTimeout(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void defaults_redisLimitAndFiveSeconds() {
    assertThat(KeyValueOptions.defaults().maxValueBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(KeyValueOptions.defaults().commandTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void open_memoryUrl_worksWithoutServer() {
    try (KeyValue kv = KeyValue.open("memory:")) {
      kv.set("k", "v");
      assertThat(kv.get("k")).contains("v");
      assertThat(kv.url()).isEqualTo("memory:");
    }
  }
}
