package dev.cairn.kv.internal.redis;

import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.internal.Backend;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Connects the Redis backend a URL names (standalone, Sentinel or Cluster, each with or without TLS) and checks
 * the connection (and the password) before returning. Lettuce reconnects by itself after a server restart; on a
 * standalone or Sentinel connection, commands issued while disconnected are rejected at once rather than queued,
 * so callers see {@code KV_UNAVAILABLE} during the gap instead of piling up until the timeout. Commands that were
 * sent and unanswered when a connection dropped fail as {@code KV_OUTCOME_UNKNOWN} and are never sent again
 * ({@link InFlightCommands}), so every command reaches Redis at most once.
 */
public final class RedisBackends {
  static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  private static final Delay RECONNECT_DELAY =
      Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);

  private RedisBackends() {}

  public static Backend connect(StoreUrl url, KeyValueOptions options) {
    Duration timeout = options.commandTimeout();
    RedisErrors errors = new RedisErrors(url.redacted(), timeout);
    RedisTls tls = url.tls() ? RedisTls.from(url) : null;
    ClientResources resources = DefaultClientResources.builder().reconnectDelay(RECONNECT_DELAY)
        .nettyCustomizer(InFlightCommands.CUSTOMIZER).build();
    AbstractRedisClient client = url.kind() == StoreUrl.Kind.REDIS_CLUSTER
        ? RedisClusterClient.create(resources, url.hosts().stream()
            .map(host -> uri(url, tls, timeout).withHost(host.name()).withPort(host.port()).build()).toList())
        : RedisClient.create(resources);
    try {
      return client instanceof RedisClusterClient cluster
          ? connectCluster(cluster, tls, errors)
          : connectStandalone((RedisClient) client, url, tls, errors, options.batchConnections());
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      resources.shutdown(0, 1, TimeUnit.SECONDS);
      throw errors.onConnect(e);
    }
  }

  private static Backend connectCluster(RedisClusterClient cluster, RedisTls tls, RedisErrors errors) {
    cluster.setOptions(clusterOptions(tls, errors.timeout()));
    StatefulRedisClusterConnection<String, byte[]> connection = cluster.connect(CODEC);
    return new RedisBackend("redis-cluster", new RedisSession(cluster, cluster.getResources(), connection,
        connection.sync(), connection.async(), () -> cluster.connectPubSub(CODEC), () -> {
          StatefulRedisClusterConnection<String, byte[]> own = cluster.connect(CODEC);
          return new RedisDedicatedConnection(own, own.sync(), errors);
        }), errors, null, null);
  }

  private static Backend connectStandalone(RedisClient standalone, StoreUrl url, RedisTls tls, RedisErrors errors,
      int batchConnections) {
    Duration timeout = errors.timeout();
    standalone.setOptions(clientOptions(tls, timeout, false));
    boolean sentinel = url.kind() == StoreUrl.Kind.REDIS_SENTINEL;
    RedisURI uri = sentinel ? sentinelUri(url, tls, timeout) : uri(url, tls, timeout).withHost(url.host().name())
        .withPort(url.host().port()).withDatabase(database(url)).build();
    StatefulRedisConnection<String, byte[]> connection = standalone.connect(CODEC, uri);
    return new RedisBackend(sentinel ? "redis-sentinel" : "redis", new RedisSession(standalone,
        standalone.getResources(), connection, connection.sync(), connection.async(),
        () -> standalone.connectPubSub(CODEC, uri), () -> {
          StatefulRedisConnection<String, byte[]> own = standalone.connect(CODEC, uri);
          return new RedisDedicatedConnection(own, own.sync(), errors);
        }), errors, PipelineConnections.forUrl(url, database(url), batchConnections,
        PipelineConnection.NAME, errors),
        CommandCombiner.forUrl(url, database(url), batchConnections, errors));
  }

  private static RedisURI.Builder uri(StoreUrl url, RedisTls tls, Duration timeout) {
    RedisURI.Builder builder = RedisURI.builder().withTimeout(timeout).withSsl(tls != null);
    if (tls != null) {
      builder.withVerifyPeer(tls.verifyMode());
    }
    return authenticated(builder, url);
  }

  private static RedisURI sentinelUri(StoreUrl url, RedisTls tls, Duration timeout) {
    String master = url.param("master", "mymaster");
    List<StoreUrl.Host> hosts = url.hosts();
    RedisURI.Builder builder = RedisURI.Builder.sentinel(hosts.getFirst().name(), hosts.getFirst().port(), master);
    hosts.stream().skip(1).forEach(host -> builder.withSentinel(host.name(), host.port()));
    builder.withTimeout(timeout).withDatabase(database(url)).withSsl(tls != null);
    if (tls != null) {
      builder.withVerifyPeer(tls.verifyMode());
    }
    return authenticated(builder, url).build();
  }

  private static RedisURI.Builder authenticated(RedisURI.Builder builder, StoreUrl url) {
    if (url.password() != null) {
      builder.withAuthentication(url.user() == null ? "default" : url.user(), url.password().toCharArray());
    }
    return builder;
  }

  private static int database(StoreUrl url) {
    return url.path().isEmpty() ? 0 : Integer.parseInt(url.path());
  }

  private static ClientOptions clientOptions(RedisTls tls, Duration timeout, boolean cluster) {
    // A cluster client opens node connections lazily and counts one still connecting as disconnected, so it must
    // accept (queue) commands meanwhile; they then fail with KV_TIMEOUT rather than KV_UNAVAILABLE during an outage.
    ClientOptions.DisconnectedBehavior whenDisconnected = cluster
        ? ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS : ClientOptions.DisconnectedBehavior.REJECT_COMMANDS;
    // No TimeoutOptions: they arm a timer task per command, which cost ~20% of GET throughput against raw Lettuce in
    // `cairn bench kv`. Every call here goes through the synchronous API, whose caller-side wait is already bounded
    // by the RedisURI timeout (the command is cancelled when it runs out), queued cluster commands included.
    ClientOptions.Builder options = ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(whenDisconnected)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build());
    if (tls != null) {
      options.sslOptions(tls.sslOptions());
    }
    return options.build();
  }

  private static ClusterClientOptions clusterOptions(RedisTls tls, Duration timeout) {
    ClusterClientOptions.Builder options = ClusterClientOptions.builder(clientOptions(tls, timeout, true))
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(Duration.ofSeconds(30))
            .build());
    return options.build();
  }
}
