package dev.cairn.kv;

/**
 * Figures about a key-value store, from INFO and DBSIZE on Redis. Immutable.
 *
 * @param backend {@code memory}, {@code redis}, {@code redis-sentinel} or {@code redis-cluster}
 * @param serverVersion the Redis version, or Cairn's for the memory store
 * @param usedMemoryBytes memory the server reports in use ({@code -1} where unknown)
 * @param connectedClients connected clients (subscriptions for the memory store)
 * @param keys keys in the database (all masters of a cluster), whatever their prefix
 * @param opsPerSecond the server's instantaneous operations per second ({@code -1} where unknown)
 */
public record Stats(
    String backend, String serverVersion, long usedMemoryBytes, long connectedClients, long keys,
    double opsPerSecond) {}
