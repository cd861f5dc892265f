package dev.cairn.testkit.coord;

import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The coordination conformance suites on one private 3-master Redis Cluster, which refuses a script whose keys
 * span slots: this is where the hash-tag key layout is proven.
 */
class RedisClusterCoordinationTest {
  static final PrivateRedis CLUSTER = PrivateRedis.cluster();
  @RegisterExtension static final OncePerClassTree ONE_CLUSTER = new OncePerClassTree(CLUSTER);

  @Nested
  class Locks extends LockConformance {
    @Override
    protected String url() {
      return CLUSTER.url();
    }

    @Override
    protected String keyPrefix() {
      return "cluster-locks:";
    }

    @Override
    protected void passTime(Duration amount) {
      sleep(amount);
    }
  }

  @Nested
  class RateLimiters extends RateLimiterConformance {
    @Override
    protected String url() {
      return CLUSTER.url();
    }

    @Override
    protected String keyPrefix() {
      return "cluster-rate-limiters:";
    }

    @Override
    protected void passTime(Duration amount) {
      sleep(amount);
    }
  }

  @Nested
  class WorkQueues extends WorkQueueConformance {
    @Override
    protected String url() {
      return CLUSTER.url();
    }

    @Override
    protected String keyPrefix() {
      return "cluster-work-queues:";
    }

    @Override
    protected void passTime(Duration amount) {
      sleep(amount);
    }
  }

  @Nested
  class EmbeddingCaches extends EmbeddingCacheConformance {
    @Override
    protected String url() {
      return CLUSTER.url();
    }

    @Override
    protected String keyPrefix() {
      return "cluster-embedding-caches:";
    }

    @Override
    protected void passTime(Duration amount) {
      sleep(amount);
    }
  }
}
