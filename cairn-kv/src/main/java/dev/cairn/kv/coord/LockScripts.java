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
 * counter beside it (no TTL). Release and extend compare the owner token and act in one step, so a holder whose lock
 * expired and was taken by someone else cannot touch the new holder's lock.
 *
 * <p><b>Fencing tokens.</b> A new token is {@code max(counter + 1, now)}, {@code now} being the store's clock in
 * microseconds (Redis {@code TIME}; the memory store's injected clock), and becomes the counter. The counter alone
 * would make tokens increase only while it lives: a Redis restarted without persistence (or failed over to a replica
 * that had not yet received the last increments) starts it again at 1, and tokens 1, 2, 3 would be handed out a
 * second time. The clock floor makes the first token after such a loss larger than every earlier one, as long as
 * the clock has moved past the time of the last token issued before it (tokens run ahead of the clock only when a
 * lock is taken more than once per microsecond, which one Redis cannot do for long). Today's values are about
 * 1.8 * 10^15, below 2^53 until the year 2255, so they are exact as Lua numbers (doubles), Redis integers and Java
 * longs.
 */
final class LockScripts {
  /**
   * ARGV: owner token, TTL ms. Returns {1, fencing token, TTL ms} or {0, 0, holder's PTTL ms}. A counter that is
   * missing (or not a number) counts as 0, so the clock sets the token.
   */
  static final Script ACQUIRE = new Script("lock-acquire", StoreTime.LUA_NOW + """
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
        local last = tonumber(redis.call('GET', KEYS[2])) or 0
        if last < now then
          redis.call('SET', KEYS[2], string.format('%.0f', now))
          return {1, now, tonumber(ARGV[2])}
        end
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
      return List.of(1L, nextFencingToken(store, keys.get(1)), ttl.toMillis());
    }
    Ttl holder = store.ttl(keys.get(0));
    return List.of(0L, 0L, holder.timeLeft().map(Duration::toMillis).orElse(-1L));
  }

  private static long nextFencingToken(ScriptStore store, String fenceKey) {
    long now = StoreTime.micros(store.now());
    long last = store.get(fenceKey).map(LockScripts::integerOrZero).orElse(0L);
    if (last < now) {
      store.set(fenceKey, bytes(Long.toString(now)), null);
      return now;
    }
    return store.incrBy(fenceKey, 1);
  }

  /** Lua's {@code tonumber(value) or 0} for the counters this class writes. */
  private static long integerOrZero(byte[] value) {
    try {
      return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return 0;
    }
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
