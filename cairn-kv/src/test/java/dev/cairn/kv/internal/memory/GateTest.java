package dev.cairn.kv.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GateTest {
  private final Gate gate = new Gate();

  @Test
  void exclusive_neverOverlapsSharedOrExclusive() throws InterruptedException {
    AtomicInteger shared = new AtomicInteger();
    AtomicInteger exclusive = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 20_000; i++) {
          int slot = gate.enterShared();
          shared.incrementAndGet();
          if (exclusive.get() != 0) {
            overlaps.incrementAndGet();
          }
          shared.decrementAndGet();
          gate.exitShared(slot);
        }
      }));
    }
    for (int t = 0; t < 2; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 2_000; i++) {
          gate.enterExclusive();
          if (exclusive.incrementAndGet() != 1 || shared.get() != 0) {
            overlaps.incrementAndGet();
          }
          exclusive.decrementAndGet();
          gate.exitExclusive();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(overlaps).hasValue(0);
  }

  @Test
  void validate_stampTakenBeforeAnExclusiveOperation_invalid() {
    long before = gate.version();
    assertThat(gate.validate(before)).isTrue();

    gate.enterExclusive();
    long during = gate.version();
    assertThat(gate.validate(before)).isFalse();
    assertThat(gate.validate(during)).isFalse();
    gate.exitExclusive();

    assertThat(gate.validate(before)).isFalse();
    assertThat(gate.validate(gate.version())).isTrue();
  }
}
