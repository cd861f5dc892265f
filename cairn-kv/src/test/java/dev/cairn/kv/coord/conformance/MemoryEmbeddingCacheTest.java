package dev.cairn.kv.coord.conformance;

import dev.cairn.core.ManualClock;
import dev.cairn.kv.KeyValueOptions;
import java.time.Duration;
import java.time.Instant;

/** {@link EmbeddingCacheConformance} on the memory store, with a manual clock instead of sleeps. */
class MemoryEmbeddingCacheTest extends EmbeddingCacheConformance {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  @Override
  protected String url() {
    return "memory:";
  }

  @Override
  protected String keyPrefix() {
    return "memory-embedding-test:";
  }

  @Override
  protected KeyValueOptions options() {
    return KeyValueOptions.defaults().withClock(clock);
  }

  @Override
  protected void passTime(Duration amount) {
    clock.advance(amount);
  }
}
