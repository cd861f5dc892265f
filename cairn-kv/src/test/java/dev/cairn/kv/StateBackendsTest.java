package dev.cairn.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateBackendsTest {
  private static final KeyValueOptions OPTIONS = KeyValueOptions.defaults();

  @Test
  void forMode_singleNode_opensMemoryEvenWithRedisUrl() {
    Map<String, String> environment = Map.of("CAIRN_MODE", "single-node", "REDIS_URL", "redis://unused:6379");
    try (KeyValue kv = StateBackends.forMode(environment, OPTIONS)) {
      assertThat(kv.url()).isEqualTo("memory:");
    }
  }

  @Test
  void forMode_modeUnsetOrBlank_isSingleNode() {
    try (KeyValue unset = StateBackends.forMode(Map.of(), OPTIONS);
        KeyValue blank = StateBackends.forMode(Map.of("CAIRN_MODE", " "), OPTIONS)) {
      assertThat(unset.url()).isEqualTo("memory:");
      assertThat(blank.url()).isEqualTo("memory:");
    }
  }

  @Test
  void forMode_distributedWithoutUrl_failsKvUrlMissing() {
    assertThatThrownBy(() -> StateBackends.forMode(Map.of("CAIRN_MODE", "distributed"), OPTIONS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("KV_URL_MISSING"))
        .hasMessageContaining("CAIRN_KV_URL").hasMessageContaining("REDIS_URL");
  }

  @Test
  void forMode_distributedWithMemoryUrl_failsNotDistributed() {
    Map<String, String> environment = Map.of("CAIRN_MODE", "Distributed", "CAIRN_KV_URL", "memory:");

    assertThatThrownBy(() -> StateBackends.forMode(environment, OPTIONS))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("NOT_DISTRIBUTED"));
  }

  @Test
  void forMode_unknownMode_failsInvalidMode() {
    assertThatThrownBy(() -> StateBackends.forMode(Map.of("CAIRN_MODE", "cluster"), OPTIONS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_MODE"))
        .hasMessageContaining("'cluster'");
  }

  @Test
  void forMode_distributedWithSqlUrl_failsAndNamesScheme() {
    Map<String, String> environment = Map.of("CAIRN_MODE", "distributed", "CAIRN_KV_URL", "postgresql://db/x");

    assertThatThrownBy(() -> StateBackends.forMode(environment, OPTIONS))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_URL_SCHEME"));
  }
}
