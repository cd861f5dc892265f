package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KeyValueConformance} on a private 3-master Redis Cluster, plus checks that keys really spread. */
class RedisClusterKeyValueTest extends KeyValueConformance {
  @RegisterExtension static final PrivateRedis CLUSTER = PrivateRedis.cluster();

  @Override
  protected String url() {
    return CLUSTER.url();
  }

  @Override
  protected String keyPrefix() {
    return "cluster-test:";
  }

  @Override
  public void passTime(Duration amount) {
    sleep(amount);
  }

  @Override
  public boolean publishCountsAllSubscribers() {
    return false;
  }

  @Test
  void mset_keysOfManySlots_landOnEveryMasterAndDeletePrefixClearsAll() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      entries.put("spread:" + i, "v" + i);
    }
    kv().mset(entries);

    assertThat(kv().mget(entries.keySet())).isEqualTo(entries);
    List<Long> keysPerMaster = masterKeyCounts();
    assertThat(keysPerMaster).hasSize(3).allSatisfy(count -> assertThat(count).isPositive());
    assertThat(kv().stats().keys()).isGreaterThanOrEqualTo(300);

    assertThat(kv().deletePrefix("spread:")).isEqualTo(300);
    assertThat(masterKeyCounts()).containsOnly(0L);
  }

  private static List<Long> masterKeyCounts() {
    return List.of(CLUSTER.url().substring("redis-cluster://".length()).split(",")).stream()
        .map(host -> {
          try (KeyValue node = KeyValue.open("redis://" + host)) {
            return node.stats().keys();
          }
        }).toList();
  }
}
