package dev.cairn.kv;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link KeyValue#set(String, String, SetOptions)} writes: an optional TTL and a condition. Immutable.
 *
 * @param ttl time to live, or {@code null} for no expiry
 * @param condition when to write; never null
 */
public record SetOptions(Duration ttl, Condition condition) {

  /** When a conditional set writes. */
  public enum Condition {
    /** Always (Redis SET). */
    ALWAYS,
    /** Only when the key does not exist (Redis SET NX). */
    IF_ABSENT,
    /** Only when the key exists (Redis SET XX). */
    IF_PRESENT
  }

  /** The longest TTL accepted; far beyond any real use, and far from overflowing a millisecond clock. */
  public static final Duration MAX_TTL = Duration.ofDays(365L * 100);

  private static final SetOptions ALWAYS = new SetOptions(null, Condition.ALWAYS);

  /** @throws InvalidInputException {@code INVALID_TTL} for a TTL below one millisecond or above {@link #MAX_TTL} */
  public SetOptions {
    Objects.requireNonNull(condition, "condition");
    if (ttl != null) {
      requireValidTtl(ttl);
    }
  }

  /** Unconditional, no expiry. */
  public static SetOptions always() {
    return ALWAYS;
  }

  /** Unconditional with a TTL. */
  public static SetOptions ttl(Duration ttl) {
    return new SetOptions(Objects.requireNonNull(ttl, "ttl"), Condition.ALWAYS);
  }

  /** Only if the key does not exist, no expiry. */
  public static SetOptions ifAbsent() {
    return new SetOptions(null, Condition.IF_ABSENT);
  }

  /** Only if the key exists, no expiry. */
  public static SetOptions ifPresent() {
    return new SetOptions(null, Condition.IF_PRESENT);
  }

  /** These options with a TTL. */
  public SetOptions withTtl(Duration newTtl) {
    return new SetOptions(Objects.requireNonNull(newTtl, "ttl"), condition);
  }

  /**
   * Checks that a TTL is at least one millisecond (the resolution both backends keep) and at most {@link #MAX_TTL}.
   *
   * @throws InvalidInputException {@code INVALID_TTL} otherwise
   */
  public static Duration requireValidTtl(Duration ttl) {
    if (ttl.compareTo(Duration.ofMillis(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new InvalidInputException("INVALID_TTL", "TTL must be between 1 ms and " + MAX_TTL.toDays()
          + " days, got " + ttl);
    }
    return ttl;
  }
}
