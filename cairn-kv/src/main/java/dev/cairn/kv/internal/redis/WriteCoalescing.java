package dev.cairn.kv.internal.redis;

import io.lettuce.core.protocol.CommandHandler;
import io.lettuce.core.pubsub.PubSubCommandHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * Coalesces the flushes of commands issued concurrently on one connection, so that many callers' commands leave
 * in one socket write (and reach Redis in one read) instead of one write each.
 *
 * <p><b>Why.</b> Lettuce writes and flushes every command by itself ({@code DefaultEndpoint} calls
 * {@code writeAndFlush} per command). Fifty virtual threads sharing the connection thus cost the event loop fifty
 * {@code write} system calls per round, and Redis fifty reads, although their commands sit in the event loop's task
 * queue together. Lettuce 7.7 has no option for this: {@code setAutoFlushCommands(false)} is connection-wide and
 * leaves the flush to the caller, which concurrent callers cannot coordinate, and the "auto batch flush" of
 * lettuce#2302 was never released.
 *
 * <p><b>How.</b> Netty's {@link FlushConsolidationHandler} sits just before Lettuce's {@code CommandHandler}: a
 * flush outside a read is postponed to a task queued behind the write tasks already waiting on the event loop
 * (every command of those callers is then written with one flush), a flush during a read waits for the read to
 * complete, and at most {@value #MAX_FLUSHES_HELD} flushes are held before one goes out anyway. Nothing else
 * changes: commands keep their order (the pipeline sees the writes in the same order), each keeps its own reply,
 * failure and timeout, and a held flush goes out on close, disconnect and failure. A lone command waits at most
 * one pass of the event loop's queue. Pub/sub connections are left alone.
 */
final class WriteCoalescing {
  private static final String NAME = "cairn-write-coalescing";
  /** Flushes held before one is forwarded regardless; Netty's default. */
  static final int MAX_FLUSHES_HELD = FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES;

  private WriteCoalescing() {}

  /** Installs the handler on a command connection's pipeline; after Lettuce has built it. */
  static void install(ChannelPipeline pipeline) {
    ChannelHandlerContext context = pipeline.context(CommandHandler.class);
    if (context == null || context.handler() instanceof PubSubCommandHandler<?, ?>) {
      return;
    }
    pipeline.addBefore(context.name(), NAME, new FlushConsolidationHandler(MAX_FLUSHES_HELD, true));
  }
}
