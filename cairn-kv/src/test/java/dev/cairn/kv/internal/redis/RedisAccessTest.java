package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.DedicatedConnection;
import dev.cairn.kv.spi.RedisAccess;
import dev.cairn.testkit.RedisService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The internal door to raw Redis commands and dedicated connections, for extensions such as a work queue. */
class RedisAccessTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void of_memoryStore_isEmpty() {
    try (KeyValue memory = KeyValue.open("memory:")) {
      assertThat(RedisAccess.of(memory)).isEmpty();
    }
  }

  @Test
  void openDedicated_blockingPop_seesItemPushedOnSharedConnection() {
    try (KeyValue store = KeyValue.open(REDIS.url())) {
      KeyValue kv = store.withPrefix(REDIS.keyPrefix());
      RedisAccess redis = RedisAccess.of(kv).orElseThrow();
      String list = redis.fullKey("jobs");

      redis.call("LPUSH", commands -> commands.lpush(list, "42".getBytes(StandardCharsets.UTF_8)));
      try (DedicatedConnection dedicated = redis.openDedicated()) {
        io.lettuce.core.KeyValue<String, byte[]> popped = dedicated.call("BLPOP", commands -> commands.blpop(1, list));

        assertThat(popped.getKey()).isEqualTo(list);
        assertThat(new String(popped.getValue(), StandardCharsets.UTF_8)).isEqualTo("42");
      }
      assertThat(kv.exists("jobs")).isFalse();
    }
  }

  @Test
  void call_serverError_translated() {
    try (KeyValue store = KeyValue.open(REDIS.url())) {
      RedisAccess redis = RedisAccess.of(store.withPrefix(REDIS.keyPrefix())).orElseThrow();

      assertThatThrownBy(() -> redis.call("XADD", commands -> commands.xadd("", Map.of())))
          .isInstanceOf(CairnException.class);
    }
  }
}
