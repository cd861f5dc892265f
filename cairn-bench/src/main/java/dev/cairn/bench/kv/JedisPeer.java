package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Jedis peer: Jedis' pooled client with one pooled connection per measuring thread, Jedis' usual way to serve
 * concurrent callers (a Jedis connection is not shared between threads). That client is {@link RedisClient} since
 * Jedis 7, which deprecated its old name {@code JedisPooled}. Plain {@code redis://} URLs only. Thread-safe.
 */
final class JedisPeer implements AutoCloseable {
  private final RedisClient jedis;

  /**
   * Connects and pings once, so an unreachable server fails here rather than inside a timed phase.
   *
   * @throws dev.cairn.core.UnavailableException {@code KV_BENCH_PEER_UNAVAILABLE} naming the redacted URL
   */
  JedisPeer(StoreUrl url, int connections) {
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(connections);
    pool.setMaxIdle(connections);
    DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder().timeoutMillis(5_000);
    if (url.path() != null && !url.path().isEmpty()) {
      client.database(Integer.parseInt(url.path()));
    }
    if (url.password() != null) {
      client.user(url.user()).password(url.password());
    }
    RedisClient opened = RedisClient.builder().hostAndPort(new HostAndPort(url.host().name(), url.host().port()))
        .clientConfig(client.build()).poolConfig(pool).build();
    try {
      opened.ping();
    } catch (JedisException e) {
      opened.close();
      throw RedisPeers.unreachable("Jedis", url, e);
    }
    this.jedis = opened;
  }

  void set(String key, String value) {
    jedis.set(key, value);
  }

  String get(String key) {
    return jedis.get(key);
  }

  /**
   * Sends SETs of {@code value} to {@code keys} (GETs when {@code value} is null) as one pipeline on one pooled
   * connection and reads every reply: Jedis' own way to pipeline.
   */
  void pipeline(String[] keys, String value) {
    try (AbstractPipeline pipeline = jedis.pipelined()) {
      for (String key : keys) {
        if (value == null) {
          pipeline.get(key);
        } else {
          pipeline.set(key, value);
        }
      }
      pipeline.sync();
    }
  }

  @Override
  public void close() {
    jedis.close();
  }
}
