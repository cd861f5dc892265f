package dev.cairn.kv.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalTest {
  private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

  @Test
  void awaitAfter_fireBetweenLookAndWait_returnsWithoutWaiting() {
    Signal signal = new Signal();
    long seen = signal.generation();
    signal.fire();

    // a lost wake-up would block for the hour; the guard only keeps a broken build from hanging
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> signal.awaitAfter(seen, AN_HOUR));
    assertThat(signal.generation()).isEqualTo(seen + 1);
  }

  @Test
  void awaitAfter_fireFromAnotherThread_wakesWaiter() throws Exception {
    Signal signal = new Signal();
    long seen = signal.generation();
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        signal.awaitAfter(seen, AN_HOUR);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    signal.fire();

    assertThat(waiter.join(Duration.ofSeconds(30))).as("waiter woke").isTrue();
  }
}
