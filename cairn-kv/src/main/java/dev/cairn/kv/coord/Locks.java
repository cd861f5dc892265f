package dev.cairn.kv.coord;

import dev.cairn.core.CairnException;
import dev.cairn.core.ConflictException;
import dev.cairn.core.Status;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.ScriptResult;
import dev.cairn.kv.spi.Scripting;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Distributed locks with owner tokens, TTLs and fencing tokens, on any {@link KeyValue}:
 *
 * <pre>{@code
 * Locks locks = Locks.on(kv);
 * try (Lock lock = locks.acquire("job:123", Duration.ofSeconds(30), Duration.ofSeconds(5))) {
 *   write(data, lock.fencingToken());
 * }
 * }</pre>
 *
 * <p><b>Design.</b> A lock {@code name} is two keys sharing the hash tag {@code {lock:name}}: {@code :owner} holds
 * the holder's random token with the TTL (SET NX PX), {@code :fence} holds the last fencing token, never expiring.
 * The same script sets it to {@code max(last + 1, store time in microseconds)} on every acquisition, so tokens
 * strictly increase per name, and still do after the store lost the counter (a Redis restarted without persistence)
 * as long as its clock has not been set back; see {@link Lock#fencingToken()}. Release and extend are
 * compare-and-act scripts on the owner token. A waiter does not spin: it sleeps until a release is announced on the
 * channel {@code lock:released} (pub/sub, reaching every process) or until a bounded poll interval passes (see
 * {@link #on(KeyValue, Duration)}), which covers expiry (nothing is announced when a TTL runs out) and lost
 * messages. There is no watchdog thread: a lock lives exactly as long as its TTL unless its holder extends it.
 * Waiting is not fair.
 *
 * <p>Thread-safe. One instance per store is enough; it opens one subscription on the first wait, closed by
 * {@link #close()} or with the store.
 */
public final class Locks implements AutoCloseable {
  /** The longest a waiter sleeps before looking again without having been woken, unless configured otherwise. */
  static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMillis(100);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyValue kv;
  private final Scripting scripting;
  private final WakeupChannel releases;
  private final long maxPollNanos;

  private Locks(KeyValue kv, long maxPollNanos) {
    this.kv = kv;
    this.maxPollNanos = maxPollNanos;
    this.scripting = Scripting.of(kv);
    this.releases = new WakeupChannel(kv, "lock:released");
  }

  /**
   * Locks kept in {@code kv} (a view's prefix applies to every lock key).
   *
   * @throws IllegalArgumentException for a {@link KeyValue} not opened by {@link KeyValue#open}
   */
  public static Locks on(KeyValue kv) {
    return on(kv, DEFAULT_MAX_POLL_INTERVAL);
  }

  /**
   * Locks kept in {@code kv} whose waiters, when no release wakes them, look again at least every
   * {@code maxPollInterval} (100 ms with {@link #on(KeyValue)}), and when the holder's TTL ends if sooner. A longer
   * interval costs fewer store calls while waiting; a release whose message is lost (pub/sub drops messages while
   * disconnected) then keeps a waiter waiting up to that long.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_DURATION} for an interval below 1 ms
   * @throws IllegalArgumentException for a {@link KeyValue} not opened by {@link KeyValue#open}
   */
  public static Locks on(KeyValue kv, Duration maxPollInterval) {
    Objects.requireNonNull(kv, "kv");
    return new Locks(kv, Checks.pollIntervalNanos("lock poll interval", maxPollInterval));
  }

  /**
   * Acquires the lock {@code name}, waiting up to {@code wait} for its holder to release it or let it expire.
   *
   * @param ttl how long the lock lasts unless released or extended; at least 1 ms
   * @param wait how long to wait for it; zero tries once
   * @throws ConflictException {@code LOCK_TIMEOUT} when the lock stayed held by others for the whole wait
   * @throws dev.cairn.core.InvalidInputException {@code EMPTY_NAME} for an empty name, {@code INVALID_DURATION}
   *     for a TTL below 1 ms or a negative wait
   * @throws CairnException {@code INTERRUPTED} when the thread is interrupted while waiting (its interrupt flag is
   *     set again)
   * @throws dev.cairn.kv.OutcomeUnknownException when an acquisition attempt may have run without its answer
   *     arriving: the lock may then be held under a token nobody knows until its TTL ends
   */
  public Lock acquire(String name, Duration ttl, Duration wait) {
    checkName(name);
    Checks.atLeastOneMilli("lock TTL", ttl);
    Checks.notNegative("lock wait", wait);
    long deadline = Checks.deadlineAfter(wait);
    String token = newOwnerToken();
    Attempt attempt = attempt(name, token, ttl);
    if (attempt.lock() != null) {
      return attempt.lock();
    }
    Signal signal = releases.join(name);
    try {
      while (true) {
        long seen = signal.generation();
        attempt = attempt(name, token, ttl);
        if (attempt.lock() != null) {
          return attempt.lock();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw timeout(name, wait, attempt.holderTtlMillis());
        }
        signal.awaitAfter(seen, Math.min(left, pollNanos(attempt.holderTtlMillis())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException(Status.ERROR, "INTERRUPTED", "interrupted while waiting for lock '" + name + "'",
          Map.of(), e);
    } finally {
      releases.leave(name);
    }
  }

  /**
   * Acquires the lock {@code name} if nobody holds it, without waiting.
   *
   * @return the lock, or empty when another owner holds it
   * @throws dev.cairn.core.InvalidInputException as {@link #acquire}
   */
  public Optional<Lock> tryAcquire(String name, Duration ttl) {
    checkName(name);
    Checks.atLeastOneMilli("lock TTL", ttl);
    return Optional.ofNullable(attempt(name, newOwnerToken(), ttl).lock());
  }

  /** Closes the release subscription; locks keep working, waiters then rely on polling alone. Idempotent. */
  @Override
  public void close() {
    releases.close();
  }

  boolean release(Lock lock) {
    List<String> args = List.of(lock.ownerToken(), releases.fullChannel(), lock.name());
    ScriptResult result = scripting.run(LockScripts.RELEASE, keys(lock.name()), args);
    boolean released = result.longAt(0) == 1;
    if (released) {
      releases.announce(lock.name());
    }
    return released;
  }

  boolean extend(Lock lock, Duration ttl) {
    List<String> args = List.of(lock.ownerToken(), Long.toString(ttl.toMillis()));
    return scripting.run(LockScripts.EXTEND, keys(lock.name()), args).longAt(0) == 1;
  }

  boolean isOwner(Lock lock) {
    Optional<byte[]> owner = kv.getBytes(ownerKey(lock.name()));
    return owner.isPresent() && Arrays.equals(owner.get(), lock.ownerToken().getBytes(StandardCharsets.UTF_8));
  }

  private Attempt attempt(String name, String token, Duration ttl) {
    ScriptResult result = scripting.run(LockScripts.ACQUIRE, keys(name), List.of(token,
        Long.toString(ttl.toMillis())));
    if (result.longAt(0) == 1) {
      return new Attempt(new Lock(this, name, token, result.longAt(1)), 0);
    }
    return new Attempt(null, result.longAt(2));
  }

  private long pollNanos(long holderTtlMillis) {
    // a holder about to expire is retried right when its TTL runs out (plus a millisecond of slack)
    return holderTtlMillis >= 0 ? Math.min(maxPollNanos, TimeUnit.MILLISECONDS.toNanos(holderTtlMillis + 1))
        : maxPollNanos;
  }

  private static ConflictException timeout(String name, Duration wait, long holderTtlMillis) {
    String holder = holderTtlMillis >= 0 ? " (its current holder's TTL ends in " + holderTtlMillis + " ms)" : "";
    return new ConflictException("LOCK_TIMEOUT", "lock '" + name + "' is held by another owner and was not "
        + "acquired within " + wait.toMillis() + " ms" + holder, Map.of("lock", name), null);
  }

  private static List<String> keys(String name) {
    return List.of(ownerKey(name), Scripting.hashTag("lock:" + name) + ":fence");
  }

  private static String ownerKey(String name) {
    return Scripting.hashTag("lock:" + name) + ":owner";
  }

  private static void checkName(String name) {
    Checks.name("lock name", name);
  }

  private static String newOwnerToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** One acquisition attempt: the lock, or {@code null} and the holder's remaining TTL (-1 when unknown). */
  private record Attempt(Lock lock, long holderTtlMillis) {}
}
