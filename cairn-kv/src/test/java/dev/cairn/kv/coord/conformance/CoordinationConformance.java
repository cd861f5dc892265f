package dev.cairn.kv.coord.conformance;

import dev.cairn.kv.conformance.KeyValueConformance;

/**
 * The behaviour every backend and deployment must show for the coordination primitives of {@code dev.cairn.kv.coord}:
 * {@link LockConformance}, {@link RateLimiterConformance}, {@link WorkQueueConformance} and
 * {@link EmbeddingCacheConformance}, test interfaces over the same fixture as the key-value parts. They run as part
 * of {@link KeyValueConformance}, so one binding per deployment runs both; on a Redis Cluster this is where the
 * hash-tag key layout of every primitive is proven (a script whose keys span slots is refused there).
 */
public interface CoordinationConformance extends LockConformance, RateLimiterConformance, WorkQueueConformance,
    EmbeddingCacheConformance {
}
