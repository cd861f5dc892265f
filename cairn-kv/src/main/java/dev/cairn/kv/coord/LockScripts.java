package dev.cairn.kv.coord;

import dev.cairn.kv.Ttl;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lock scripts. KEYS[1] is the owner key (value: the owner token, with the lock's TTL), KEYS[2] the fencing
 * counter beside it (no TTL: it must never restart, or tokens would repeat). Release and extend compare the owner
 * token and act in one step, so a holder whose lock expired and was taken by someone else cannot touch the new
 * holder's lock.
 */
final class LockScripts {
  /** ARGV: owner token, TTL ms. Returns {1, fencing token, TTL ms} or {0, 0, holder's PTTL ms}. */
  static final Script ACQUIRE = new Script("lock-acquire", """
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
        return {1, redis.call('INCR', KEYS[2]), tonumber(ARGV[2])}
      end
      return {0, 0, redis.call('PTTL', KEYS[1])}
      """, LockScripts::acquire);

  /**
   * ARGV: owner token, full wake-up channel, lock name. Returns {1} when the owner's lock was deleted, else {0}. On
   * Redis the release is announced from the script, saving a round trip; the memory twin cannot publish, so
   * {@link Locks} announces after it.
   */
  static final Script RELEASE = new Script("lock-release", """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('DEL', KEYS[1])
        redis.call('PUBLISH', ARGV[2], ARGV[3])
        return {1}
      end
      return {0}
      """, LockScripts::release);

  /** ARGV: owner token, new TTL ms. Returns {1} when the owner's lock got the new TTL, else {0}. */
  static final Script EXTEND = new Script("lock-extend", """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return {1}
      end
      return {0}
      """, LockScripts::extend);

  private LockScripts() {}

  private static List<Object> acquire(ScriptStore store, List<String> keys, List<String> args) {
    if (store.get(keys.get(0)).isEmpty()) {
      Duration ttl = Duration.ofMillis(Long.parseLong(args.get(1)));
      store.set(keys.get(0), bytes(args.get(0)), ttl);
      return List.of(1L, store.incrBy(keys.get(1), 1), ttl.toMillis());
    }
    Ttl holder = store.ttl(keys.get(0));
    return List.of(0L, 0L, holder.timeLeft().map(Duration::toMillis).orElse(-1L));
  }

  private static List<Object> release(ScriptStore store, List<String> keys, List<String> args) {
    if (ownedBy(store, keys.get(0), args.get(0))) {
      store.delete(keys.get(0));
      return List.of(1L);
    }
    return List.of(0L);
  }

  private static List<Object> extend(ScriptStore store, List<String> keys, List<String> args) {
    if (ownedBy(store, keys.get(0), args.get(0))) {
      store.expire(keys.get(0), Duration.ofMillis(Long.parseLong(args.get(1))));
      return List.of(1L);
    }
    return List.of(0L);
  }

  private static boolean ownedBy(ScriptStore store, String ownerKey, String token) {
    Optional<byte[]> owner = store.get(ownerKey);
    return owner.isPresent() && Arrays.equals(owner.get(), bytes(token));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
