package dev.cairn.bench.kv;

import dev.cairn.core.InvalidInputException;
import java.util.Objects;

/**
 * Settings of {@link KvBench}; immutable, validated when built.
 *
 * @param kvUrl the Redis to measure ({@code redis://host:port[/db]}, password allowed; never printed unmasked)
 * @param threads concurrent virtual threads per phase (redis-benchmark's {@code -c})
 * @param ops operations per SET and GET phase (redis-benchmark's {@code -n})
 * @param coordinationOps rate-limit checks and lock pairs per coordination phase
 * @param valueBytes the size of the values written (redis-benchmark's {@code -d})
 */
public record KvBenchOptions(String kvUrl, int threads, int ops, int coordinationOps, int valueBytes) {

  /** @throws InvalidInputException {@code INVALID_OPTION} for a count below 1 or fewer ops than threads */
  public KvBenchOptions {
    Objects.requireNonNull(kvUrl, "kvUrl");
    requireAtLeast("threads", threads, 1);
    requireAtLeast("ops", ops, threads);
    requireAtLeast("coordinationOps", coordinationOps, threads);
    requireAtLeast("valueBytes", valueBytes, 1);
  }

  /** The workload: 50 threads, 200,000 SETs and GETs of 64 bytes, 50,000 checks and lock pairs. */
  public static KvBenchOptions defaults(String kvUrl) {
    return new KvBenchOptions(kvUrl, 50, 200_000, 50_000, 64);
  }

  public KvBenchOptions withOps(int newOps, int newCoordinationOps) {
    return new KvBenchOptions(kvUrl, threads, newOps, newCoordinationOps, valueBytes);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new InvalidInputException("INVALID_OPTION", name + " must be at least " + minimum + ", got " + value);
    }
  }
}
