package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * The raw clients measured beside Cairn: Lettuce (stock, and with Cairn's flush consolidation), Jedis and
 * Redisson, all open or none. They only take plain
 * {@code redis://} URLs (Cairn's TLS parameters, Sentinel and Cluster discovery are not mapped onto each client's
 * configuration), so for any other URL {@link #open} gives none and their columns print {@code -}. Thread-safe.
 */
final class RedisPeers implements AutoCloseable {
  private final RawLettuce lettuce;
  private final RawLettuce coalescedLettuce;
  private final JedisPeer jedis;
  private final RedissonPeer redisson;

  private RedisPeers(RawLettuce lettuce, RawLettuce coalescedLettuce, JedisPeer jedis, RedissonPeer redisson) {
    this.lettuce = lettuce;
    this.coalescedLettuce = coalescedLettuce;
    this.jedis = jedis;
    this.redisson = redisson;
  }

  /**
   * Connects the three clients with {@code connections} pooled connections where the client pools.
   *
   * @return empty when the URL is not a plain {@code redis://} one
   * @throws UnavailableException {@code KV_BENCH_PEER_UNAVAILABLE} when a client cannot connect; the others are
   *     closed again
   */
  static Optional<RedisPeers> open(StoreUrl url, int connections) {
    if (!RedisBenchmarkRun.supports(url)) {
      return Optional.empty();
    }
    RawLettuce lettuce = new RawLettuce(url, false);
    RawLettuce coalescedLettuce = null;
    JedisPeer jedis = null;
    try {
      coalescedLettuce = new RawLettuce(url, true);
      jedis = new JedisPeer(url, connections);
      return Optional.of(new RedisPeers(lettuce, coalescedLettuce, jedis, new RedissonPeer(url, connections)));
    } catch (RuntimeException e) {
      closeAfterFailure(lettuce, e);
      closeAfterFailure(coalescedLettuce, e);
      closeAfterFailure(jedis, e);
      throw e;
    }
  }

  /** A client's connect failure, naming the URL with its password masked. */
  static UnavailableException unreachable(String client, StoreUrl url, RuntimeException cause) {
    return new UnavailableException("KV_BENCH_PEER_UNAVAILABLE",
        client + " cannot connect to Redis at " + url.redacted() + ": " + cause.getMessage(), cause);
  }

  RawLettuce lettuce() {
    return lettuce;
  }

  /** Raw Lettuce with the flush consolidation Cairn's connection has (see {@link RawLettuce}). */
  RawLettuce coalescedLettuce() {
    return coalescedLettuce;
  }

  JedisPeer jedis() {
    return jedis;
  }

  RedissonPeer redisson() {
    return redisson;
  }

  /** Closes all three clients; the first failure is thrown with any later ones suppressed. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable client : List.<AutoCloseable>of(redisson, jedis, coalescedLettuce, lettuce)) {
      try {
        client.close();
      } catch (Exception e) {
        RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeAfterFailure(AutoCloseable client, RuntimeException failure) {
    if (client == null) {
      return;
    }
    try {
      client.close();
    } catch (Exception closeFailure) {
      failure.addSuppressed(closeFailure);
    }
  }
}
