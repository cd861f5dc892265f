package dev.cairn.kv.coord;

import java.time.Duration;
import java.time.Instant;

/**
 * Microsecond timestamps, the resolution of Redis {@code TIME}, shared by the Lua scripts and their Java twins. In
 * Lua such numbers (about 2^51 today) stay exact as doubles, but must be written with {@code %.0f}: Lua 5.1 turns
 * numbers into strings with 14 significant digits.
 */
final class StoreTime {
  /** The Lua prologue that sets {@code now} to Redis TIME in microseconds. */
  static final String LUA_NOW = """
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
      """;

  private StoreTime() {}

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static long micros(Duration duration) {
    return Math.multiplyExact(duration.getSeconds(), 1_000_000L) + duration.getNano() / 1_000;
  }

  static Duration duration(long micros) {
    return Duration.ofNanos(Math.multiplyExact(micros, 1_000L));
  }

  /** Whole milliseconds covering {@code micros}, at least one: a TTL that outlives the state it guards. */
  static Duration ttlCovering(long micros) {
    return Duration.ofMillis(Math.max(1, (micros + 999) / 1000));
  }
}
