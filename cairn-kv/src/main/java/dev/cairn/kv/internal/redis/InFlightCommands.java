package dev.cairn.kv.internal.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.protocol.CommandHandler;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.pubsub.PubSubCommandHandler;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.io.Serial;

/**
 * Fails the commands a lost connection leaves unanswered as "outcome unknown", and so keeps Lettuce from sending
 * them a second time.
 *
 * <p><b>Why.</b> When a connection drops, Lettuce's {@code CommandHandler} holds a stack of commands it has written
 * (or is writing) and not seen answered: Redis may have applied any of them. Lettuce then either fails them with
 * "Connection disconnected", the very words it uses for commands it never wrote ({@code REJECT_COMMANDS}, Cairn's
 * choice for standalone and Sentinel), or queues them again and replays them after the reconnect
 * ({@code ACCEPT_COMMANDS}, which a cluster needs because it opens node connections lazily): at least once, so an
 * {@code INCR} whose reply was lost counts twice. Neither lets a caller tell "not applied" from "maybe applied".
 *
 * <p><b>How.</b> This handler sits in the channel pipeline just before the {@code CommandHandler} and sees the
 * channel go inactive first. It drains the handler's stack ({@link CommandHandler#drainQueue()}, the same call
 * Lettuce makes a moment later) and completes each command with {@link InFlightCommandLost}, which
 * {@link RedisErrors} reports as {@code KV_OUTCOME_UNKNOWN}. A completed command is never written again (Lettuce
 * skips done commands when it flushes a queue). Whatever Lettuce fails after this was never handed to the socket:
 * commands rejected while disconnected, commands still buffered, writes that failed before leaving the client.
 * Pub/sub connections are left alone: they hold subscriptions, which Lettuce restores by itself, not writes.
 */
final class InFlightCommands extends ChannelInboundHandlerAdapter {
  private static final String NAME = "cairn-in-flight-commands";

  /**
   * Installs this handler, then {@link WriteCoalescing} just before it, on every command connection a client with
   * these resources opens.
   */
  static final NettyCustomizer CUSTOMIZER = new NettyCustomizer() {
    @Override
    public void afterChannelInitialized(Channel channel) {
      install(channel.pipeline());
      WriteCoalescing.install(channel.pipeline());
    }
  };

  private final CommandHandler commandHandler;

  private InFlightCommands(CommandHandler commandHandler) {
    this.commandHandler = commandHandler;
  }

  private static void install(ChannelPipeline pipeline) {
    ChannelHandlerContext context = pipeline.context(CommandHandler.class);
    if (context == null || context.handler() instanceof PubSubCommandHandler<?, ?>) {
      return;
    }
    pipeline.addBefore(context.name(), NAME, new InFlightCommands((CommandHandler) context.handler()));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    // on the channel's event loop, like every access to the handler's stack
    for (RedisCommand<?, ?, ?> command : commandHandler.drainQueue()) {
      command.completeExceptionally(new InFlightCommandLost());
    }
    super.channelInactive(ctx);
  }

  /** The connection was lost after the command was (or was being) written and before its answer arrived. */
  static final class InFlightCommandLost extends RedisException {
    @Serial private static final long serialVersionUID = 1L;

    InFlightCommandLost() {
      super("connection lost after the command was sent and before it was answered");
    }
  }
}
