package dev.cairn.kv.coord;

import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The algorithm of {@link RateLimiter#gcra}. Per key one number, the theoretical arrival time (TAT, µs): the
 * time at which the key would be back to an empty bucket. With spacing {@code T = ceil(window / limit)}, a request
 * at {@code now} conforms when {@code max(TAT, now) - T * (limit - 1) <= now}; admitting it moves TAT on by T.
 * Integer microseconds with T rounded up (instead of a fractional T) keep the burst exactly {@code limit} and never
 * admit more than {@code limit} per window.
 */
final class Gcra {
  /** ARGV: spacing µs, limit. Returns {allowed, remaining, retry-after µs}. */
  private static final Script CHECK = new Script("ratelimit-gcra", StoreTime.LUA_NOW + """
      local spacing = tonumber(ARGV[1])
      local limit = tonumber(ARGV[2])
      local tat = now
      local stored = redis.call('GET', KEYS[1])
      if stored then
        tat = math.max(tonumber(stored), now)
      end
      local allowAt = tat - spacing * (limit - 1)
      if now < allowAt then
        return {0, 0, allowAt - now}
      end
      local newTat = tat + spacing
      redis.call('SET', KEYS[1], string.format('%.0f', newTat), 'PX', math.ceil((newTat - now) / 1000))
      return {1, math.floor((now - newTat + spacing * limit) / spacing), 0}
      """, Gcra::check);

  private Gcra() {}

  /** GCRA for {@code limit} per {@code window}: the check's arguments are fixed. */
  static ScriptedRateLimiter.Algorithm of(long limit, Duration window) {
    long spacingMicros = Math.max(1, (StoreTime.micros(window) + limit - 1) / limit);
    List<String> arguments = List.of(Long.toString(spacingMicros), Long.toString(limit));
    return new ScriptedRateLimiter.Algorithm("gcra", CHECK, () -> arguments);
  }

  private static List<Object> check(ScriptStore store, List<String> keys, List<String> args) {
    long now = StoreTime.micros(store.now());
    long spacing = Long.parseLong(args.get(0));
    long limit = Long.parseLong(args.get(1));
    Optional<byte[]> stored = store.get(keys.get(0));
    long tat = stored.map(bytes -> Math.max(Long.parseLong(new String(bytes, StandardCharsets.US_ASCII)), now))
        .orElse(now);
    long allowAt = tat - spacing * (limit - 1);
    if (now < allowAt) {
      return List.of(0L, 0L, allowAt - now);
    }
    long newTat = tat + spacing;
    store.set(keys.get(0), Long.toString(newTat).getBytes(StandardCharsets.US_ASCII),
        StoreTime.ttlCovering(newTat - now));
    return List.of(1L, Math.floorDiv(now - newTat + spacing * limit, spacing), 0L);
  }
}
