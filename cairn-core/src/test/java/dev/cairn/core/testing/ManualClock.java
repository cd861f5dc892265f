package dev.cairn.core.testing;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to, for testing time-dependent logic without sleeps. Cairn takes a
 * {@code java.time.Clock} wherever logic reads time; pass one of these in tests. Thread-safe.
 */
public final class ManualClock extends Clock implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public ManualClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock forward (or backward for a negative amount) and returns the new instant. */
  public Instant advance(Duration amount) {
    return now.updateAndGet(instant -> instant.plus(amount));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone sharing this clock's time. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new ManualClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
