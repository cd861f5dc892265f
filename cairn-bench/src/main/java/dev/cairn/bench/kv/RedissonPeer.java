package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RLock;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * The Redisson peer: {@code RBucket} set/get with the string codec (so the bytes on the wire match the other
 * clients'), {@link RRateLimiter} for rate limits and {@link RLock} for lock pairs, with a connection pool as large
 * as the number of measuring threads. Plain {@code redis://} URLs only. Thread-safe.
 */
final class RedissonPeer implements AutoCloseable {
  private final RedissonClient redisson;

  /**
   * Connects (Redisson opens its pool eagerly), so an unreachable server fails here and not in a timed phase.
   *
   * @throws dev.cairn.core.UnavailableException {@code KV_BENCH_PEER_UNAVAILABLE} naming the redacted URL
   */
  RedissonPeer(StoreUrl url, int connections) {
    Config config = new Config();
    config.setCodec(StringCodec.INSTANCE);
    SingleServerConfig server = config.useSingleServer()
        .setAddress("redis://" + url.host().name() + ":" + url.host().port())
        .setConnectionPoolSize(connections)
        .setConnectionMinimumIdleSize(connections)
        .setConnectTimeout(5_000)
        .setTimeout(5_000)
        .setRetryAttempts(0);
    if (url.path() != null && !url.path().isEmpty()) {
      server.setDatabase(Integer.parseInt(url.path()));
    }
    if (url.password() != null) {
      // since Redisson 4 credentials are set on the Config, no longer on the server settings
      config.setUsername(url.user()).setPassword(url.password());
    }
    try {
      this.redisson = Redisson.create(config);
    } catch (RedisException e) {
      throw RedisPeers.unreachable("Redisson", url, e);
    }
  }

  void set(String key, String value) {
    redisson.<String>getBucket(key).set(value);
  }

  String get(String key) {
    return redisson.<String>getBucket(key).get();
  }

  /**
   * Sends SETs of {@code value} to {@code keys} (GETs when {@code value} is null) as one {@link RBatch} and waits
   * for its replies: Redisson's own way to pipeline (in memory, not atomic, as Cairn's batch).
   */
  void pipeline(String[] keys, String value) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    for (String key : keys) {
      if (value == null) {
        batch.<String>getBucket(key).getAsync();
      } else {
        batch.<String>getBucket(key).setAsync(value);
      }
    }
    batch.execute();
  }

  /** A limiter of {@code limit} permits per {@code window} over all clients (untimed: one round trip). */
  RRateLimiter rateLimiter(String name, int limit, Duration window) {
    RRateLimiter limiter = redisson.getRateLimiter(name);
    limiter.trySetRate(RateType.OVERALL, limit, window);
    return limiter;
  }

  /**
   * Locks and unlocks {@code name} once. The lease is given, as Cairn's lock has a TTL, which also keeps Redisson's
   * watchdog (a renewal task per held lock) out of the comparison.
   */
  void lockPair(String name, Duration lease) {
    RLock lock = redisson.getLock(name);
    lock.lock(lease.toMillis(), TimeUnit.MILLISECONDS);
    lock.unlock();
  }

  @Override
  public void close() {
    redisson.shutdown();
  }
}
