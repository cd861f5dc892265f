package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandHandler;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-Lettuce peer: one shared connection with the synchronous API (and command objects handed over together
 * for pipelines), which is how Cairn's Redis backend works underneath, so the gap between the two is Cairn's own
 * overhead. Optionally with the same flush consolidation Cairn installs on its connection (Netty's
 * {@link FlushConsolidationHandler} before Lettuce's {@code CommandHandler}), so that column compares like with like.
 * Plain {@code redis://} URLs only. Thread-safe.
 *
 * <p>Connecting fails with {@code KV_BENCH_PEER_UNAVAILABLE} (an {@link dev.cairn.core.UnavailableException}).
 */
final class RawLettuce implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> commands;

  RawLettuce(StoreUrl url, boolean coalesced) {
    RedisURI.Builder uri = RedisURI.builder().withHost(url.host().name()).withPort(url.host().port());
    if (url.path() != null && !url.path().isEmpty()) {
      uri.withDatabase(Integer.parseInt(url.path()));
    }
    if (url.password() != null) {
      uri.withAuthentication(url.user() == null ? "default" : url.user(), url.password().toCharArray());
    }
    DefaultClientResources.Builder resourcesBuilder = DefaultClientResources.builder();
    if (coalesced) {
      resourcesBuilder.nettyCustomizer(new NettyCustomizer() {
        @Override
        public void afterChannelInitialized(Channel channel) {
          ChannelHandlerContext handler = channel.pipeline().context(CommandHandler.class);
          channel.pipeline().addBefore(handler.name(), "flush-consolidation", new FlushConsolidationHandler(
              FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        }
      });
    }
    this.resources = resourcesBuilder.build();
    this.client = RedisClient.create(resources, uri.build());
    try {
      this.connection = client.connect();
    } catch (RedisConnectionException e) {
      client.shutdown();
      resources.shutdown();
      throw RedisPeers.unreachable("Lettuce", url, e);
    }
    this.commands = connection.sync();
  }

  void set(String key, String value) {
    commands.set(key, value);
  }

  String get(String key) {
    return commands.get(key);
  }

  /**
   * Sends {@code keys.length} SETs (or GETs when {@code value} is null) as command objects handed to the shared
   * connection in one call ({@code dispatch(Collection)}: one write and flush), then waits for all: the way Cairn's
   * batch sends, so the two lines differ only by Cairn's own work.
   */
  void pipeline(String[] keys, String value) {
    List<AsyncCommand<String, String, String>> sent = new ArrayList<>(keys.length);
    for (String key : keys) {
      CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(key);
      sent.add(value == null
          ? new AsyncCommand<>(new Command<>(CommandType.GET, new ValueOutput<>(StringCodec.UTF8), args))
          : new AsyncCommand<>(new Command<>(CommandType.SET, new StatusOutput<>(StringCodec.UTF8),
              args.addValue(value))));
    }
    connection.dispatch(sent);
    if (!LettuceFutures.awaitAll(TIMEOUT, sent.toArray(RedisFuture<?>[]::new))) {
      throw new IllegalStateException("pipelined commands unanswered after " + TIMEOUT);
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
    resources.shutdown();
  }
}
