package dev.cairn.bench.subject;

import dev.cairn.core.InvalidInputException;

/**
 * Settings of {@link SubjectBench}; validated when built.
 *
 * @param kvUrl the Redis to measure against (standalone or Sentinel)
 * @param stores how many 100-property subjects to store
 * @param incrementThreads threads incrementing one property at once
 * @param incrementsPerThread increments per thread
 * @param getThreads virtual threads reading at once
 * @param gets reads per peer in all
 */
public record SubjectBenchOptions(
    String kvUrl, int stores, int incrementThreads, int incrementsPerThread, int getThreads, int gets) {

  public SubjectBenchOptions {
    if (kvUrl == null || kvUrl.isBlank()) {
      throw new InvalidInputException("INVALID_OPTION", "subject bench needs a Redis URL (--kv)");
    }
    if (stores < 1 || incrementThreads < 1 || incrementsPerThread < 1 || getThreads < 1 || gets < 1) {
      throw new InvalidInputException("INVALID_OPTION", "subject bench counts must be positive");
    }
  }

  /** The workload: 50 contending threads; sized to finish in seconds on a laptop. */
  public static SubjectBenchOptions defaults(String kvUrl) {
    return new SubjectBenchOptions(kvUrl, 500, 50, 200, 64, 50_000);
  }
}
