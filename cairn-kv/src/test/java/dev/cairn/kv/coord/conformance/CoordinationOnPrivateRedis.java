package dev.cairn.kv.coord.conformance;

import java.time.Duration;
import org.junit.jupiter.api.Nested;

/**
 * Every coordination conformance suite against one private Redis deployment (TLS, Sentinel, Cluster) that a
 * subclass starts once for all of them (see {@link OncePerClassTree}). Each suite works under its own prefix.
 */
abstract class CoordinationOnPrivateRedis {

  /** The URL of the deployment the subclass started. */
  abstract String serverUrl();

  @Nested
  class Locks extends LockConformance {
    @Override
    protected String url() {
      return serverUrl();
    }

    @Override
    protected String keyPrefix() {
      return "coord-locks:";
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
      return serverUrl();
    }

    @Override
    protected String keyPrefix() {
      return "coord-rate-limiters:";
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
      return serverUrl();
    }

    @Override
    protected String keyPrefix() {
      return "coord-work-queues:";
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
      return serverUrl();
    }

    @Override
    protected String keyPrefix() {
      return "coord-embedding-caches:";
    }

    @Override
    protected void passTime(Duration amount) {
      sleep(amount);
    }
  }
}
