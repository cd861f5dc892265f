package dev.cairn.testkit.coord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.StateBackends;
import dev.cairn.testkit.RedisService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StateBackends} in distributed mode reaches the Redis named by the environment. */
class RedisStateBackendsTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void forMode_distributed_opensRedisFromKvUrlBeforeRedisUrl() {
    Map<String, String> environment = Map.of("CAIRN_MODE", "distributed", "CAIRN_KV_URL", REDIS.url(),
        "REDIS_URL", "redis://127.0.0.1:1");

    try (KeyValue kv = StateBackends.forMode(environment, KeyValueOptions.defaults())) {
      KeyValue view = kv.withPrefix(REDIS.keyPrefix());
      view.set("mode-check", "distributed");
      assertThat(kv.url()).startsWith("redis://");
      assertThat(view.get("mode-check")).contains("distributed");
    }
  }

  @Test
  void forMode_distributedWithOnlyRedisUrl_opensIt() {
    Map<String, String> environment = Map.of("CAIRN_MODE", "distributed", "REDIS_URL", REDIS.url());

    try (KeyValue kv = StateBackends.forMode(environment, KeyValueOptions.defaults())) {
      assertThat(kv.ping()).isPositive();
    }
  }
}
