package dev.cairn.kv;

import dev.cairn.core.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings for {@link KeyValue#open(String, KeyValueOptions)}; immutable, validated when built.
 *
 * @param commandTimeout how long one command (and connecting) may take before {@code KV_TIMEOUT}
 * @param maxValueBytes the largest value accepted; at most Redis' 512 MB
 * @param clock the time source of the memory store (tests pass a {@code ManualClock} from cairn-core's test-jar);
 *     Redis uses its own clock
 * @param expirySweepInterval how often the memory store removes expired keys that nobody reads
 */
public record KeyValueOptions(Duration commandTimeout, long maxValueBytes, Clock clock, Duration expirySweepInterval) {

  /** Redis' limit for one string value. */
  public static final long REDIS_MAX_VALUE_BYTES = 512L * 1024 * 1024;

  private static final KeyValueOptions DEFAULTS =
      new KeyValueOptions(Duration.ofSeconds(5), REDIS_MAX_VALUE_BYTES, Clock.systemUTC(), Duration.ofSeconds(1));

  /** @throws InvalidInputException {@code INVALID_OPTION} for a non-positive duration or size, or a size over 512 MB */
  public KeyValueOptions {
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(expirySweepInterval, "expirySweepInterval");
    requirePositive("commandTimeout", commandTimeout);
    requirePositive("expirySweepInterval", expirySweepInterval);
    if (maxValueBytes <= 0 || maxValueBytes > REDIS_MAX_VALUE_BYTES) {
      throw new InvalidInputException("INVALID_OPTION",
          "maxValueBytes must be in 1.." + REDIS_MAX_VALUE_BYTES + ", got " + maxValueBytes);
    }
  }

  /** 5 s command timeout, 512 MB values, the system clock, a sweep every second. */
  public static KeyValueOptions defaults() {
    return DEFAULTS;
  }

  public KeyValueOptions withCommandTimeout(Duration timeout) {
    return new KeyValueOptions(timeout, maxValueBytes, clock, expirySweepInterval);
  }

  public KeyValueOptions withMaxValueBytes(long bytes) {
    return new KeyValueOptions(commandTimeout, bytes, clock, expirySweepInterval);
  }

  public KeyValueOptions withClock(Clock newClock) {
    return new KeyValueOptions(commandTimeout, maxValueBytes, newClock, expirySweepInterval);
  }

  public KeyValueOptions withExpirySweepInterval(Duration interval) {
    return new KeyValueOptions(commandTimeout, maxValueBytes, clock, interval);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new InvalidInputException("INVALID_OPTION", name + " must be positive, got " + value);
    }
  }
}
