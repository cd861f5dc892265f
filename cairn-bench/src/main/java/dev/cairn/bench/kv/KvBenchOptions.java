package dev.cairn.bench.kv;

import dev.cairn.core.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
 * @param parts the parts of the workload to run, at least one; the memory part needs no Redis
 */
public record KvBenchOptions(String kvUrl, int threads, int ops, int coordinationOps, int valueBytes,
    boolean progress, Set<Part> parts) {

  /** A part of the workload, named on the command line in lower case ({@code --only memory}). */
  public enum Part {
    /** Every phase against Redis: Cairn beside Lettuce, Jedis, Redisson and redis-benchmark. */
    REDIS,
    /** The memory store beside a bare {@code ConcurrentHashMap}. */
    MEMORY;

    /**
     * The part called {@code name}, in any case.
     *
     * @throws InvalidInputException {@code INVALID_OPTION} naming the parts there are
     */
    public static Part named(String name) {
      for (Part part : values()) {
        if (part.name().equalsIgnoreCase(name)) {
          return part;
        }
      }
      throw new InvalidInputException("INVALID_OPTION", "no part of the kv workload is called '" + name
          + "'; there are " + Arrays.stream(values()).map(Part::toString).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @throws NullPointerException for a null URL or parts
   * @throws InvalidInputException {@code INVALID_OPTION} for a count below 1, fewer ops than threads or no part
   */
  public KvBenchOptions {
    Objects.requireNonNull(kvUrl, "kvUrl");
    parts = Set.copyOf(parts);
    if (parts.isEmpty()) {
      throw new InvalidInputException("INVALID_OPTION", "parts must name at least one part of the workload");
    }
    requireAtLeast("threads", threads, 1);
    requireAtLeast("ops", ops, threads);
    requireAtLeast("coordinationOps", coordinationOps, threads);
    requireAtLeast("valueBytes", valueBytes, 1);
  }

  /**
   * The workload: 50 threads, 200,000 SETs and GETs of 64 bytes, 50,000 checks and lock pairs, progress
   * shown, every part.
   */
  public static KvBenchOptions defaults(String kvUrl) {
    return new KvBenchOptions(kvUrl, 50, 200_000, 50_000, 64, true, EnumSet.allOf(Part.class));
  }

  /** Whether {@code part} of the workload runs. */
  public boolean runs(Part part) {
    return parts.contains(part);
  }

  /**
   * These settings with {@code newOps} SETs and GETs per phase and a quarter as many coordination operations (at
   * least one per thread): a lock pair costs Redis several commands, so equal counts would make those phases
   * dominate the run.
   *
   * @throws InvalidInputException {@code INVALID_OPTION} for fewer ops than threads
   */
  public KvBenchOptions withOps(int newOps) {
    return new KvBenchOptions(kvUrl, threads, newOps, Math.max(threads, newOps / 4), valueBytes, progress, parts);
  }

  /**
   * These settings with {@code newThreads} threads.
   *
   * @throws InvalidInputException {@code INVALID_OPTION} for fewer than 1 thread or more threads than ops
   */
  public KvBenchOptions withThreads(int newThreads) {
    return new KvBenchOptions(kvUrl, newThreads, ops, Math.max(newThreads, coordinationOps), valueBytes, progress,
        parts);
  }

  /** These settings with the progress bar on or off. */
  public KvBenchOptions withProgress(boolean newProgress) {
    return new KvBenchOptions(kvUrl, threads, ops, coordinationOps, valueBytes, newProgress, parts);
  }

  /** These settings running only {@code part} of the workload. */
  public KvBenchOptions only(Part part) {
    return new KvBenchOptions(kvUrl, threads, ops, coordinationOps, valueBytes, progress, EnumSet.of(part));
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new InvalidInputException("INVALID_OPTION", name + " must be at least " + minimum + ", got " + value);
    }
  }
}
