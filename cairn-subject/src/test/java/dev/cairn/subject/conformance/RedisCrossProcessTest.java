package dev.cairn.subject.conformance;

import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCrossProcessTest extends CrossProcessIncrements {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Override
  protected String storageUrl() {
    String url = REDIS.url();
    return url + (url.contains("?") ? "&" : "?") + "keyPrefix=" + REDIS.keyPrefix();
  }
}
