package dev.cairn.kv.conformance;

import dev.cairn.core.ManualClock;
import dev.cairn.kv.KeyValueOptions;
import java.time.Duration;
import java.time.Instant;

/** {@link KeyValueConformance} on the in-process memory store, with a manual clock instead of sleeps. */
class MemoryKeyValueTest extends KeyValueConformance {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  @Override
  protected String url() {
    return "memory:";
  }

  @Override
  protected String keyPrefix() {
    return "memory-test:";
  }

  @Override
  protected KeyValueOptions options() {
    return KeyValueOptions.defaults().withClock(clock);
  }

  @Override
  public void passTime(Duration amount) {
    clock.advance(amount);
  }

  @Override
  public Instant expectedNow() {
    return clock.instant();
  }
}
