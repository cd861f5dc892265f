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
 * @param batchConnections on a plain standalone Redis ({@code redis://}), how many connections of their own
 *     {@link KeyValue#batch} calls may hold at once besides the shared one (each batch writes on one and reads its
 *     replies on the calling thread); {@code 0} sends batches on the shared connection, as TLS, Sentinel and
 *     Cluster URLs always do, and also sends single commands there instead of combining concurrent ones on two
 *     connections of their own. The memory store has none.
 */
public record KeyValueOptions(Duration commandTimeout, long maxValueBytes, Clock clock, Duration expirySweepInterval,
    int batchConnections) {

  /** Redis' limit for one string value. */
  public static final long REDIS_MAX_VALUE_BYTES = 512L * 1024 * 1024;

  /**
   * The default of {@link #batchConnections()}. Measured with 50 virtual threads sending batches of 16 commands
   * on the 2-core bench machine: 8 connections reached 0.85-1.0 million commands/s, 16 and 32 both 1.1-1.27 million.
   */
  public static final int DEFAULT_BATCH_CONNECTIONS = 16;

  /** The most {@link #batchConnections()} accepted. */
  public static final int MAX_BATCH_CONNECTIONS = 1024;

  private static final KeyValueOptions DEFAULTS = new KeyValueOptions(Duration.ofSeconds(5), REDIS_MAX_VALUE_BYTES,
      Clock.systemUTC(), Duration.ofSeconds(1), DEFAULT_BATCH_CONNECTIONS);

  /**
   * @throws InvalidInputException {@code INVALID_OPTION} for a non-positive duration or size, a size over 512 MB,
   *     or batch connections outside 0..{@value #MAX_BATCH_CONNECTIONS}
   */
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
    if (batchConnections < 0 || batchConnections > MAX_BATCH_CONNECTIONS) {
      throw new InvalidInputException("INVALID_OPTION",
          "batchConnections must be in 0.." + MAX_BATCH_CONNECTIONS + ", got " + batchConnections);
    }
  }

  /** 5 s command timeout, 512 MB values, the system clock, a sweep every second, 16 batch connections. */
  public static KeyValueOptions defaults() {
    return DEFAULTS;
  }

  public KeyValueOptions withCommandTimeout(Duration timeout) {
    return new KeyValueOptions(timeout, maxValueBytes, clock, expirySweepInterval, batchConnections);
  }

  public KeyValueOptions withMaxValueBytes(long bytes) {
    return new KeyValueOptions(commandTimeout, bytes, clock, expirySweepInterval, batchConnections);
  }

  public KeyValueOptions withClock(Clock newClock) {
    return new KeyValueOptions(commandTimeout, maxValueBytes, newClock, expirySweepInterval, batchConnections);
  }

  public KeyValueOptions withExpirySweepInterval(Duration interval) {
    return new KeyValueOptions(commandTimeout, maxValueBytes, clock, interval, batchConnections);
  }

  /** These settings with at most {@code connections} batch connections; {@code 0} for none. */
  public KeyValueOptions withBatchConnections(int connections) {
    return new KeyValueOptions(commandTimeout, maxValueBytes, clock, expirySweepInterval, connections);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new InvalidInputException("INVALID_OPTION", name + " must be positive, got " + value);
    }
  }
}
