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
  void withBatchConnections_outsideTheRange_invalidOptionNamingIt() {
    for (int connections : new int[] {-1, KeyValueOptions.MAX_BATCH_CONNECTIONS + 1}) {
      assertThatThrownBy(() -> KeyValueOptions.defaults().withBatchConnections(connections))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
          .hasMessageContaining("batchConnections must be in 0..1024, got " + connections);
    }
    assertThat(KeyValueOptions.defaults().batchConnections()).isEqualTo(16);
    assertThat(KeyValueOptions.defaults().withBatchConnections(0).batchConnections()).isZero();
  }

  @Test
  void open_batchConnectionsUrlParameterNotANumber_invalidUrlBeforeConnecting() {
    // port 1: nothing listens there, so a connection attempt would fail differently
    assertThatThrownBy(() -> KeyValue.open("redis://:pw@127.0.0.1:1?batch_connections=many"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_URL"))
        .hasMessageContaining("batch_connections 'many'")
        .hasMessageNotContaining(":pw@");
    assertThatThrownBy(() -> KeyValue.open("redis://127.0.0.1:1?batch_connections=2000"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"));
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
