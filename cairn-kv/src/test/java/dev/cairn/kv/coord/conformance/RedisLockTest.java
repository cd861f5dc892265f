package dev.cairn.kv.coord.conformance;

import dev.cairn.testkit.RedisService;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LockConformance} on a real Redis, under a key prefix of its own. */
class RedisLockTest extends LockConformance {
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
  protected void passTime(Duration amount) {
    sleep(amount);
  }
}
