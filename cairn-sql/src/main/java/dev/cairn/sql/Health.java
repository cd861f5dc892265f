package dev.cairn.sql;

import java.time.Duration;

/**
 * A database's health as {@link Database#health()} measured it.
 *
 * @param up whether a round trip succeeded
 * @param latency the round-trip time of a trivial query ({@code Duration.ZERO} when down)
 * @param activeConnections connections in use
 * @param idleConnections connections idle in the pool
 * @param waitingThreads threads waiting for a connection
 * @param dialect the database's dialect
 * @param serverVersion the server's version text, or {@code null} when down
 * @param url the URL with its password masked
 * @param error why it is down (one line, no password), or {@code null} when up
 */
public record Health(
    boolean up,
    Duration latency,
    int activeConnections,
    int idleConnections,
    int waitingThreads,
    Dialect dialect,
    String serverVersion,
    String url,
    String error) {}
