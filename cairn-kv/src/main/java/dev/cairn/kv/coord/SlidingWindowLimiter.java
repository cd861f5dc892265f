package dev.cairn.kv.coord;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import dev.cairn.kv.spi.ScriptStore;
import dev.cairn.kv.spi.Scripting;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The sliding-window log of {@link RateLimiter#slidingWindow}. One sorted set per key: members are admitted
 * requests (a random id, so equal timestamps from different callers stay distinct), scores their Redis TIME in
 * microseconds. A check drops entries that left the window {@code (now - window, now]}, admits when fewer than
 * {@code limit} remain and records only what it admits. A rejection's retry-after is when the entry that must leave
 * for the count to fall below the limit leaves the window.
 */
final class SlidingWindowLimiter implements RateLimiter {
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
      """, SlidingWindowLimiter::check);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Scripting scripting;
  private final long limit;
  private final Duration window;

  SlidingWindowLimiter(KeyValue kv, long limit, Duration window) {
    this.scripting = Scripting.of(kv);
    this.limit = limit;
    this.window = window;
  }

  @Override
  public Decision check(String key) {
    Checks.name("rate limit key", key);
    List<String> args = List.of(Long.toString(StoreTime.micros(window)), Long.toString(limit), requestId());
    ScriptResult result = scripting.run(CHECK, List.of("ratelimit:log:" + key), args);
    return new Decision(result.longAt(0) == 1, result.longAt(1), StoreTime.duration(result.longAt(2)));
  }

  @Override
  public long limit() {
    return limit;
  }

  @Override
  public Duration window() {
    return window;
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
