package dev.cairn.subject.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.spi.DedicatedConnection;
import dev.cairn.kv.spi.RedisAccess;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
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
  <T> T with(String what, String key, Function<StatefulRedisConnection<String, byte[]>, T> work) {
    DedicatedConnection pooled = idle.poll();
    DedicatedConnection connection = pooled != null ? pooled : access.openDedicated();
    boolean reusable = false;
    try {
      // call() only for its error translation: the work drives the connection itself (pipelined MULTI/EXEC).
      T result = connection.call(what, unused -> work.apply(nodeOf(connection.connection(), key)));
      reusable = true;
      return result;
    } finally {
      if (!reusable || closed || !idle.offer(connection)) {
        connection.close();
      }
    }
  }

  /**
   * The connection that serves {@code key}: the connection itself on a standalone or Sentinel-managed Redis; on a
   * Cluster, the cluster connection's own connection to the master of the key's slot. A subject is one hash, so
   * everything a transaction touches lives in that one slot, and MULTI/EXEC and WATCH work there as on a
   * standalone server. The node connection belongs to our dedicated cluster connection, which one caller holds at
   * a time, so no other command lands inside the transaction.
   */
  private static StatefulRedisConnection<String, byte[]> nodeOf(StatefulConnection<String, byte[]> connection,
      String key) {
    if (connection instanceof StatefulRedisConnection<String, byte[]> standalone) {
      return standalone;
    }
    if (connection instanceof StatefulRedisClusterConnection<String, byte[]> cluster) {
      int slot = SlotHash.getSlot(key);
      RedisClusterNode master = cluster.getPartitions().getPartitionBySlot(slot);
      if (master == null) {
        throw new UnavailableException("KV_UNAVAILABLE", "no Redis Cluster master serves slot " + slot
            + " (of subject key '" + key + "'): the cluster is not fully covered");
      }
      return cluster.getConnection(master.getNodeId());
    }
    throw new CairnException("UNEXPECTED_REDIS_CONNECTION", "unexpected Redis connection "
        + connection.getClass().getName());
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
