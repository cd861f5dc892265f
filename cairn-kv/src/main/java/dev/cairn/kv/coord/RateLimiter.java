package dev.cairn.kv.coord;

import dev.cairn.kv.KeyValue;
import java.time.Duration;

/**
 * Admits at most {@link #limit()} requests per key in any {@link #window()}, across every process sharing the
 * store. Each check is one atomic script (one round trip on Redis) timed by the store's clock: Redis {@code TIME},
 * or the memory store's injected clock, so hosts with skewed clocks still agree.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.slidingWindow(kv, 100, Duration.ofMinutes(1));
 * Decision d = limiter.check("user_123");
 * if (!d.allowed()) reply429(d.retryAfter());
 * }</pre>
 *
 * <p>State lives under {@code ratelimit:} in the given store or view and expires on its own once a key has been
 * idle for a window. Limiters with different limits sharing keys would share state: give each policy its own view
 * ({@code kv.withPrefix("login:")}). Implementations are thread-safe.
 */
public interface RateLimiter {

  /**
   * An exact sliding-window log: a request is admitted when fewer than {@code limit} requests were admitted in
   * the {@code window} before it. Only admitted requests are recorded, so rejected retries do not lock a caller
   * out. Memory: one sorted-set entry per admitted request in the window.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_LIMIT} for a limit below 1,
   *     {@code INVALID_DURATION} for a window below 1 ms
   * @throws IllegalArgumentException for a {@link KeyValue} not opened by {@link KeyValue#open}
   */
  static RateLimiter slidingWindow(KeyValue kv, long limit, Duration window) {
    return ScriptedRateLimiter.of(kv, limit, window, SlidingWindowLog::of);
  }

  /**
   * The generic cell rate algorithm (GCRA), O(1) memory per key (one timestamp): requests are spaced
   * {@code window / limit} apart on average, with bursts of up to {@code limit} after a quiet window. Never admits
   * more than {@code limit} in any window; unlike {@link #slidingWindow}, capacity comes back gradually rather than
   * when old requests leave the window. The spacing is rounded up to a whole microsecond.
   *
   * @throws dev.cairn.core.InvalidInputException as {@link #slidingWindow}
   * @throws IllegalArgumentException as {@link #slidingWindow}
   */
  static RateLimiter gcra(KeyValue kv, long limit, Duration window) {
    return ScriptedRateLimiter.of(kv, limit, window, Gcra::of);
  }

  /**
   * Decides on one request for {@code key}, counting it when admitted.
   *
   * @throws dev.cairn.core.InvalidInputException {@code EMPTY_NAME} for an empty key
   * @throws dev.cairn.core.UnavailableException when the store cannot be reached (nothing is counted, or the
   *     count is unknown on a timeout)
   */
  Decision check(String key);

  /** The most requests admitted per key in any window. */
  long limit();

  /** The window the limit applies to. */
  Duration window();
}
