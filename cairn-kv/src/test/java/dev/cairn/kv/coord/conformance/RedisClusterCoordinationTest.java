package dev.cairn.kv.coord.conformance;

import dev.cairn.testkit.kv.PrivateRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The coordination suites on a private 3-master Redis Cluster, which refuses a script whose keys span slots: this
 * is where the hash-tag key layout is proven.
 */
class RedisClusterCoordinationTest extends CoordinationOnPrivateRedis {
  static final PrivateRedis CLUSTER = PrivateRedis.cluster();
  @RegisterExtension static final OncePerClassTree ONE_CLUSTER = new OncePerClassTree(CLUSTER);

  @Override
  String serverUrl() {
    return CLUSTER.url();
  }
}
