package dev.cairn.subject.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.spi.DedicatedConnection;
import dev.cairn.kv.spi.RedisAccess;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Function;

/**
 * Connections of their own for MULTI/EXEC and WATCH, which are connection state: on the shared multiplexed
 * connection another caller's commands would land inside our transaction or clear our WATCH. Idle connections are
 * kept for reuse (up to {@code maxIdle}); a connection whose use failed is closed, never reused, because it may be
 * left inside MULTI or WATCH. Thread-safe.
 */
final class TransactionConnections implements AutoCloseable {
  private final RedisAccess access;
  private final ArrayBlockingQueue<DedicatedConnection> idle;
  private volatile boolean closed;

  TransactionConnections(RedisAccess access, int maxIdle) {
    this.access = access;
    this.idle = new ArrayBlockingQueue<>(maxIdle);
  }

  /**
   * Runs {@code work} with a connection of its own.
   *
   * @throws CairnException as the key-value store translates Redis failures
   */
  <T> T with(String what, Function<StatefulRedisConnection<String, byte[]>, T> work) {
    DedicatedConnection pooled = idle.poll();
    DedicatedConnection connection = pooled != null ? pooled : access.openDedicated();
    boolean reusable = false;
    try {
      // call() only for its error translation: the work drives the connection itself (pipelined MULTI/EXEC).
      T result = connection.call(what, unused -> work.apply(standalone(connection.connection())));
      reusable = true;
      return result;
    } finally {
      if (!reusable || closed || !idle.offer(connection)) {
        connection.close();
      }
    }
  }

  private static StatefulRedisConnection<String, byte[]> standalone(StatefulConnection<String, byte[]> connection) {
    if (connection instanceof StatefulRedisConnection<String, byte[]> standalone) {
      return standalone;
    }
    throw new InvalidInputException("SUBJECTS_NEED_STANDALONE_REDIS", "Redis subject storage needs a standalone"
        + " or Sentinel-managed Redis (MULTI/EXEC and WATCH on one connection); Redis Cluster is not supported");
  }

  @Override
  public void close() {
    closed = true;
    DedicatedConnection connection;
    while ((connection = idle.poll()) != null) {
      connection.close();
    }
  }
}
