package dev.cairn.kv.coord;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import dev.cairn.kv.spi.Scripting;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A {@link RateLimiter} whose every check is one script of its {@link Algorithm} on the key's state
 * {@code ratelimit:<kind>:<key>}; the algorithms ({@link Gcra}, {@link SlidingWindowLog}) differ only in their
 * script, its Java twin and its arguments.
 *
 * @param scripting where the script runs
 * @param limit the most requests admitted per key in any window
 * @param window the window the limit applies to
 * @param algorithm what decides
 */
record ScriptedRateLimiter(Scripting scripting, long limit, Duration window, Algorithm algorithm)
    implements RateLimiter {

  /**
   * One rate-limiting algorithm.
   *
   * @param kind the part of the state's key naming the algorithm, so two algorithms never share a key's state
   * @param script the check: KEYS[1] is the key's state, ARGV the arguments; returns {allowed (1 or 0), remaining,
   *     retry-after in µs} and records the request only when it admits it
   * @param arguments the script's arguments for one check
   */
  record Algorithm(String kind, Script script, Supplier<List<String>> arguments) {}

  /**
   * A limiter of {@code limit} per {@code window} in {@code kv}, deciding by the algorithm made for them.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_LIMIT} for a limit below 1,
   *     {@code INVALID_DURATION} for a window below 1 ms
   * @throws IllegalArgumentException for a {@link KeyValue} not opened by {@link KeyValue#open}
   */
  static ScriptedRateLimiter of(KeyValue kv, long limit, Duration window,
      BiFunction<Long, Duration, Algorithm> algorithm) {
    Checks.positive("limit", limit);
    Checks.atLeastOneMilli("window", window);
    return new ScriptedRateLimiter(Scripting.of(kv), limit, window, algorithm.apply(limit, window));
  }

  @Override
  public Decision check(String key) {
    Checks.name("rate limit key", key);
    ScriptResult result = scripting.run(algorithm.script(), List.of("ratelimit:" + algorithm.kind() + ":" + key),
        algorithm.arguments().get());
    return new Decision(result.longAt(0) == 1, result.longAt(1), StoreTime.duration(result.longAt(2)));
  }
}
