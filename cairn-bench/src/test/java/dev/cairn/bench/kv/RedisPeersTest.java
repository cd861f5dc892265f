package dev.cairn.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.testkit.RedisService;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw clients measured beside Cairn: they connect, work, and fail to connect with one clear exception. */
class RedisPeersTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void jedis_closedPort_unavailableNamingTheMaskedUrl() throws IOException {
    StoreUrl url = unreachable();

    assertThatThrownBy(() -> new JedisPeer(url, 2).close())
        .isInstanceOfSatisfying(UnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("KV_BENCH_PEER_UNAVAILABLE"))
        .hasMessageStartingWith("Jedis cannot connect to Redis at " + url.redacted())
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void redisson_closedPort_unavailableNamingTheMaskedUrl() throws IOException {
    StoreUrl url = unreachable();

    assertThatThrownBy(() -> new RedissonPeer(url, 2).close())
        .isInstanceOfSatisfying(UnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("KV_BENCH_PEER_UNAVAILABLE"))
        .hasMessageStartingWith("Redisson cannot connect to Redis at " + url.redacted())
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void open_closedPort_unavailable() throws IOException {
    StoreUrl url = unreachable();

    assertThatThrownBy(() -> RedisPeers.open(url, 2))
        .isInstanceOfSatisfying(UnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("KV_BENCH_PEER_UNAVAILABLE"))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void open_tlsUrl_noPeers() {
    Optional<RedisPeers> peers = RedisPeers.open(StoreUrl.parse("rediss://127.0.0.1:6380"), 2);

    assertThat(peers).isEmpty();
  }

  @Test
  void open_reachableRedis_everyClientReadsWhatAnotherWrote() {
    String key = REDIS.keyPrefix() + "peers:k";
    assumeTrue(RedisBenchmarkRun.supports(REDIS.storeUrl()), "the raw clients take plain redis:// URLs only");
    // the test class's key prefix is deleted after the class by RedisService
    try (RedisPeers peers = RedisPeers.open(REDIS.storeUrl(), 2).orElseThrow()) {
      peers.jedis().set(key, "from-jedis");
      assertThat(peers.redisson().get(key)).isEqualTo("from-jedis");
      peers.redisson().set(key, "from-redisson");
      assertThat(peers.lettuce().get(key)).isEqualTo("from-redisson");
      peers.lettuce().set(key, "from-lettuce");
      assertThat(peers.jedis().get(key)).isEqualTo("from-lettuce");
      peers.redisson().lockPair(REDIS.keyPrefix() + "peers:lock", Duration.ofSeconds(5));
      assertThat(peers.lettuce().get(REDIS.keyPrefix() + "peers:lock")).isNull();
    }
  }

  private static StoreUrl unreachable() throws IOException {
    return StoreUrl.parse("redis://app:hunter2@127.0.0.1:" + KvBenchTest.closedPort());
  }
}
