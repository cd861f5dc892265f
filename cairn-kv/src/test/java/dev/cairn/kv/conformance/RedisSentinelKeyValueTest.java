package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KeyValueConformance} through a private Sentinel that points at a private master. */
class RedisSentinelKeyValueTest extends KeyValueConformance {
  @RegisterExtension static final PrivateRedis SENTINEL = PrivateRedis.sentinel();

  @Override
  protected String url() {
    return SENTINEL.url();
  }

  @Override
  protected String keyPrefix() {
    return "sentinel-test:";
  }

  @Override
  public void passTime(Duration amount) {
    sleep(amount);
  }

  @Test
  void stats_throughSentinel_reportsMasterAsSentinelBackend() {
    assertThat(kv().stats().backend()).isEqualTo("redis-sentinel");
    assertThat(kv().url()).startsWith("redis-sentinel://");
  }
}
