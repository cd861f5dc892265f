package dev.cairn.kv.coord;

import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The algorithm of {@link RateLimiter#slidingWindow}, a sliding-window log. One sorted set per key: members are
 * admitted requests (a random id, so equal timestamps from different callers stay distinct), scores their Redis
 * TIME in microseconds. A check drops entries that left the window {@code (now - window, now]}, admits when fewer than
 * {@code limit} remain and records only what it admits. A rejection's retry-after is when the entry that must leave
 * for the count to fall below the limit leaves the window.
 */
final class SlidingWindowLog {
  /** ARGV: window µs, limit, request id. Returns {allowed, remaining, retry-after µs}. */
  private static final Script CHECK = new Script("ratelimit-sliding-window", StoreTime.LUA_NOW + """
      local window = tonumber(ARGV[1])
      local limit = tonumber(ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now - window))
      local count = redis.call('ZCARD', KEYS[1])
      if count < limit then
        redis.call('ZADD', KEYS[1], string.format('%.0f', now), ARGV[3])
        redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil(window / 1000)))
        return {1, limit - count - 1, 0}
      end
      local leaving = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
      return {0, 0, tonumber(leaving[2]) + window - now}
      """, SlidingWindowLog::check);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SlidingWindowLog() {}

  /** A sliding-window log of {@code limit} per {@code window}; each check records its request under a new id. */
  static ScriptedRateLimiter.Algorithm of(long limit, Duration window) {
    String windowMicros = Long.toString(StoreTime.micros(window));
    String limitText = Long.toString(limit);
    return new ScriptedRateLimiter.Algorithm("log", CHECK, () -> List.of(windowMicros, limitText, requestId()));
  }

  private static String requestId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static List<Object> check(ScriptStore store, List<String> keys, List<String> args) {
    long now = StoreTime.micros(store.now());
    long window = Long.parseLong(args.get(0));
    long limit = Long.parseLong(args.get(1));
    WindowLog log = store.object(keys.get(0), WindowLog.class).orElseGet(WindowLog::new);
    log.dropUpTo(now - window);
    long count = log.size();
    if (count < limit) {
      log.add(now);
      store.putObject(keys.get(0), log, StoreTime.ttlCovering(window));
      return List.of(1L, limit - count - 1, 0L);
    }
    return List.of(0L, 0L, log.timeAt(count - limit) + window - now);
  }
}
