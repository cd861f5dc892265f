package dev.cairn.bench.kv;

import dev.cairn.core.InvalidInputException;
import java.util.Objects;

/**
 * Settings of {@link KvBench}; immutable, validated when built.
 *
 * @param kvUrl the Redis to measure ({@code redis://host:port[/db]}, password allowed; never printed unmasked)
 * @param threads concurrent virtual threads per phase (redis-benchmark's {@code -c}); also the size of the Jedis and
 *     Redisson connection pools
 * @param ops operations per SET and GET phase (redis-benchmark's {@code -n})
 * @param coordinationOps rate-limit checks and lock pairs per coordination phase
 * @param valueBytes the size of the values written (redis-benchmark's {@code -d})
 * @param progress whether to draw a progress bar on standard error (only when it is a terminal)
 */
public record KvBenchOptions(String kvUrl, int threads, int ops, int coordinationOps, int valueBytes,
    boolean progress) {

  /**
   * @throws NullPointerException for a null URL
   * @throws InvalidInputException {@code INVALID_OPTION} for a count below 1 or fewer ops than threads
   */
  public KvBenchOptions {
    Objects.requireNonNull(kvUrl, "kvUrl");
    requireAtLeast("threads", threads, 1);
    requireAtLeast("ops", ops, threads);
    requireAtLeast("coordinationOps", coordinationOps, threads);
    requireAtLeast("valueBytes", valueBytes, 1);
  }

  /**
   * The workload: 50 threads, 200,000 SETs and GETs of 64 bytes, 50,000 checks and lock pairs, progress
   * shown.
   */
  public static KvBenchOptions defaults(String kvUrl) {
    return new KvBenchOptions(kvUrl, 50, 200_000, 50_000, 64, true);
  }

  /**
   * These settings with {@code newOps} SETs and GETs per phase and a quarter as many coordination operations (at
   * least one per thread): a lock pair costs Redis several commands, so equal counts would make those phases
   * dominate the run.
   *
   * @throws InvalidInputException {@code INVALID_OPTION} for fewer ops than threads
   */
  public KvBenchOptions withOps(int newOps) {
    return new KvBenchOptions(kvUrl, threads, newOps, Math.max(threads, newOps / 4), valueBytes, progress);
  }

  /**
   * These settings with {@code newThreads} threads.
   *
   * @throws InvalidInputException {@code INVALID_OPTION} for fewer than 1 thread or more threads than ops
   */
  public KvBenchOptions withThreads(int newThreads) {
    return new KvBenchOptions(kvUrl, newThreads, ops, Math.max(newThreads, coordinationOps), valueBytes, progress);
  }

  /** These settings with the progress bar on or off. */
  public KvBenchOptions withProgress(boolean newProgress) {
    return new KvBenchOptions(kvUrl, threads, ops, coordinationOps, valueBytes, newProgress);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new InvalidInputException("INVALID_OPTION", name + " must be at least " + minimum + ", got " + value);
    }
  }
}
