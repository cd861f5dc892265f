package dev.cairn.kv;

import java.time.Duration;
import java.util.Optional;

/**
 * The time to live of a key as {@link KeyValue#ttl(String)} reports it. Immutable.
 *
 * @param state whether the key is missing, persistent or expiring
 * @param remaining the time left for an expiring key (millisecond resolution), else {@code null}
 */
public record Ttl(State state, Duration remaining) {

  /** What a key's expiry looks like. */
  public enum State {
    /** The key does not exist (Redis PTTL -2). */
    MISSING,
    /** The key exists without expiry (Redis PTTL -1). */
    PERSISTENT,
    /** The key expires after {@link Ttl#remaining()}. */
    EXPIRING
  }

  private static final Ttl MISSING = new Ttl(State.MISSING, null);
  private static final Ttl PERSISTENT = new Ttl(State.PERSISTENT, null);

  public static Ttl missing() {
    return MISSING;
  }

  public static Ttl persistent() {
    return PERSISTENT;
  }

  public static Ttl expiringIn(Duration remaining) {
    return new Ttl(State.EXPIRING, remaining);
  }

  /** Decodes Redis' PTTL answer: -2 missing, -1 persistent, else milliseconds left. */
  public static Ttl fromPttl(long millis) {
    if (millis == -2) {
      return MISSING;
    }
    return millis == -1 ? PERSISTENT : expiringIn(Duration.ofMillis(millis));
  }

  public boolean exists() {
    return state != State.MISSING;
  }

  /** The time left, empty for a missing or persistent key. */
  public Optional<Duration> timeLeft() {
    return Optional.ofNullable(remaining);
  }
}
