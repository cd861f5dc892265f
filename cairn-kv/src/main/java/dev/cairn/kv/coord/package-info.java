/**
 * Coordination primitives on any {@link dev.cairn.kv.KeyValue}: {@link dev.cairn.kv.coord.Locks} with fencing
 * tokens, {@link dev.cairn.kv.coord.RateLimiter}s, an {@link dev.cairn.kv.coord.EmbeddingCache}, a
 * {@link dev.cairn.kv.coord.WorkQueue}; {@link dev.cairn.kv.StateBackends} chooses the store they share by mode.
 *
 * <p>Every primitive runs each state change as one atomic script: Lua on Redis (one round trip, timed by Redis
 * {@code TIME}) and a Java twin on the memory store (timed by its injected clock), so both backends show the same
 * behaviour. The keys of one primitive instance share a Redis Cluster hash tag, so each script touches one slot.
 *
 * <p><b>Contracts common to the package.</b> Every class is thread-safe. A null argument throws
 * {@link java.lang.NullPointerException}; every other failure is a {@link dev.cairn.core.CairnException} with a
 * stable code, raised before anything is written when the input is rejected. Calls that reach the store can also
 * fail as {@link dev.cairn.kv.KeyValue} calls do: {@link dev.cairn.core.UnavailableException} {@code KV_UNAVAILABLE}
 * when the script was not sent (nothing changed), or {@link dev.cairn.kv.OutcomeUnknownException}
 * ({@code KV_OUTCOME_UNKNOWN}, {@code KV_TIMEOUT}) when it may have run; then a lock may have been taken for the
 * caller (it stays held until its TTL ends) or a rate limiter may have counted the request. Waiting primitives (locks, queue takes) open one pub/sub subscription per instance on their
 * first wait, so share one instance per process rather than creating one per call or per thread.
 */
package dev.cairn.kv.coord;
