package dev.cairn.kv.conformance;

import dev.cairn.testkit.RedisService;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KeyValueConformance} on the machine's Redis (or the testkit's), under this class's own key prefix. */
class RedisKeyValueTest extends KeyValueConformance {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Override
  protected String url() {
    return REDIS.url();
  }

  @Override
  protected String keyPrefix() {
    return REDIS.keyPrefix();
  }

  @Override
  public void passTime(Duration amount) {
    sleep(amount);
  }
}
