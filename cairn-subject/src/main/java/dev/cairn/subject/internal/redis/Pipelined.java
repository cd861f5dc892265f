package dev.cairn.subject.internal.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * MULTI, the queued commands and EXEC written in one flush, so a transaction costs one network round trip instead
 * of one per command. Only for a connection of our own ({@link TransactionConnections}): it switches off
 * auto-flush for the duration.
 */
final class Pipelined {
  private Pipelined() {}

  /**
   * Sends MULTI, whatever {@code queue} issues, and EXEC in one write and waits for EXEC's answer.
   *
   * @return the transaction result; {@code wasDiscarded()} when a WATCHed key changed
   */
  static TransactionResult transaction(StatefulRedisConnection<String, byte[]> connection,
      Consumer<RedisAsyncCommands<String, byte[]>> queue) {
    RedisAsyncCommands<String, byte[]> async = connection.async();
    RedisFuture<TransactionResult> exec;
    connection.setAutoFlushCommands(false);
    try {
      async.multi();
      queue.accept(async);
      exec = async.exec();
      connection.flushCommands();
    } finally {
      connection.setAutoFlushCommands(true);
    }
    long timeout = connection.getTimeout().toNanos();
    return LettuceFutures.awaitOrCancel(exec, timeout, TimeUnit.NANOSECONDS);
  }
}
