package dev.cairn.kv.coord;

import dev.cairn.core.ConflictException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A held lock, from {@link Locks#acquire} or {@link Locks#tryAcquire}. It stays held until {@link #release()},
 * {@link #close()} or the end of its TTL, whichever comes first; nothing renews it in the background, so a holder
 * that stops working (or a process that dies) loses the lock after its TTL. Long work calls {@link #extend}.
 *
 * <p>Use the {@link #fencingToken()} to guard writes to other systems: it strictly increases each time anyone
 * acquires this lock name, so a store that remembers the highest token seen can refuse a write from a holder
 * whose lock already expired. Tokens are large numbers (the store's clock in microseconds, or one more than the
 * previous token); compare them, do not count on them being consecutive.
 *
 * <p>Thread-safe; every method may throw what {@link dev.cairn.kv.KeyValue} calls throw
 * ({@link dev.cairn.core.UnavailableException} when the store cannot be reached).
 */
public final class Lock implements AutoCloseable {
  private final Locks locks;
  private final String name;
  private final String ownerToken;
  private final long fencingToken;
  private final AtomicBoolean released = new AtomicBoolean();

  Lock(Locks locks, String name, String ownerToken, long fencingToken) {
    this.locks = locks;
    this.name = name;
    this.ownerToken = ownerToken;
    this.fencingToken = fencingToken;
  }

  /** The lock name, as given to {@link Locks#acquire}. */
  public String name() {
    return name;
  }

  /** The random token that identifies this holder; release and extend act only while it is the stored owner. */
  public String ownerToken() {
    return ownerToken;
  }

  /**
   * The fencing token: greater than that of every earlier holder of this lock name. It is at least the store's clock
   * in microseconds since 1970 (Redis {@code TIME}; the memory store's clock) and at least one more than the last
   * token, so it keeps growing even where the store lost its counter (a Redis restarted without persistence, a
   * failover to a replica that missed the last acquisitions), provided the store's clock has not been set back behind
   * the time of the last token handed out before; where Redis persists with AOF the counter itself survives a
   * restart. Below 2^53 (until the year 2255), so exact in Lua, JSON and a {@code double} too.
   */
  public long fencingToken() {
    return fencingToken;
  }

  /**
   * Gives the lock a new TTL from now, if this holder still owns it.
   *
   * @return true when extended; false when the lock expired (and may be held by someone else) or was released,
   *     in which case nothing changed
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_DURATION} for a TTL below one millisecond
   */
  public boolean extend(Duration ttl) {
    Checks.atLeastOneMilli("lock TTL", ttl);
    return !released.get() && locks.extend(this, ttl);
  }

  /** Whether this holder still owns the lock in the store (one read). */
  public boolean isHeld() {
    return !released.get() && locks.isOwner(this);
  }

  /**
   * Releases the lock if this holder still owns it and wakes the waiters of every process.
   *
   * @return true when this call released it; false when it had expired (perhaps taken over by another holder,
   *     whose lock is left untouched) or was already released
   */
  public boolean release() {
    return released.compareAndSet(false, true) && locks.release(this);
  }

  /**
   * Releases the lock; does nothing when it was already released.
   *
   * @throws ConflictException {@code LOCK_LOST} when the lock had expired before this call, so the work done under
   *     it may have overlapped with another holder
   */
  @Override
  public void close() {
    if (!released.get() && !release()) {
      throw new ConflictException("LOCK_LOST", "lock '" + name + "' (fencing token " + fencingToken
          + ") expired before it was released; the work done under it may have overlapped with another holder");
    }
  }

  @Override
  public String toString() {
    return "Lock[" + name + ", fencingToken=" + fencingToken + "]";
  }
}
