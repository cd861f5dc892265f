package dev.cairn.kv.coord;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RateLimiter} decided for one request. Immutable.
 *
 * @param allowed whether the request is admitted (and was counted)
 * @param remaining how many more requests the key would admit right now
 * @param retryAfter how long until the next request can be admitted; zero when this one was
 */
public record Decision(boolean allowed, long remaining, Duration retryAfter) {

  public Decision {
    Objects.requireNonNull(retryAfter, "retryAfter");
  }
}
