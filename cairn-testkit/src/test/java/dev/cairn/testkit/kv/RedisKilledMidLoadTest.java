package dev.cairn.testkit.kv;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KilledMidLoadScenario} on a standalone Redis. */
class RedisKilledMidLoadTest extends KilledMidLoadScenario {
  @RegisterExtension
  static final PrivateRedis REDIS = PrivateRedis.plain("--appendonly", "yes", "--appendfsync", "always");

  @Override
  PrivateRedis redis() {
    return REDIS;
  }

  @Override
  String keyPrefix() {
    return "killed:";
  }
}
