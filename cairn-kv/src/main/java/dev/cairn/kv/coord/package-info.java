/**
 * Coordination primitives on any {@link dev.cairn.kv.KeyValue}: {@link dev.cairn.kv.coord.Locks} with fencing
 * tokens, {@link dev.cairn.kv.coord.RateLimiter}s, an {@link dev.cairn.kv.coord.EmbeddingCache}, a
 * {@link dev.cairn.kv.coord.WorkQueue} and {@link dev.cairn.kv.coord.StateBackends} for choosing the store by mode.
 *
 * <p>Every primitive runs each state change as one atomic script: Lua on Redis (one round trip, timed by Redis
 * {@code TIME}) and a Java twin on the memory store (timed by its injected clock), so both backends show the same
 * behaviour. The keys of one primitive instance share a Redis Cluster hash tag, so each script touches one slot.
 */
package dev.cairn.kv.coord;
