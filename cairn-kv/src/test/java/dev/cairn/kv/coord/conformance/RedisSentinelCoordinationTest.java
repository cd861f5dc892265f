package dev.cairn.kv.coord.conformance;

import dev.cairn.testkit.kv.PrivateRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The coordination suites on a private master found through Redis Sentinel. */
class RedisSentinelCoordinationTest extends CoordinationOnPrivateRedis {
  static final PrivateRedis SENTINEL = PrivateRedis.sentinel();
  @RegisterExtension static final OncePerClassTree ONE_DEPLOYMENT = new OncePerClassTree(SENTINEL);

  @Override
  String serverUrl() {
    return SENTINEL.url();
  }
}
