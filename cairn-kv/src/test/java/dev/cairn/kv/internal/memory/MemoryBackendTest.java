package dev.cairn.kv.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.testing.ManualClock;
import dev.cairn.kv.SetOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryBackendTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  @Test
  void sweep_expiredKeysNobodyReads_removed() {
    try (MemoryBackend backend = new MemoryBackend(clock, Duration.ofHours(1))) {
      backend.set("short", bytes("v"), SetOptions.ttl(Duration.ofSeconds(1)));
      backend.set("long", bytes("v"), SetOptions.ttl(Duration.ofHours(2)));
      backend.set("forever", bytes("v"), SetOptions.always());
      clock.advance(Duration.ofSeconds(2));

      assertThat(backend.storedEntries()).isEqualTo(3);
      backend.sweep();

      assertThat(backend.storedEntries()).isEqualTo(2);
      assertThat(backend.exists("long")).isTrue();
      assertThat(backend.exists("forever")).isTrue();
    }
  }

  @Test
  void get_expiredKey_removedLazily() {
    try (MemoryBackend backend = new MemoryBackend(clock, Duration.ofHours(1))) {
      backend.set("short", bytes("v"), SetOptions.ttl(Duration.ofMillis(10)));
      clock.advance(Duration.ofMillis(10));

      assertThat(backend.get("short")).isNull();
      assertThat(backend.storedEntries()).isZero();
    }
  }

  @Test
  void ttl_remaining_followsClock() {
    try (MemoryBackend backend = new MemoryBackend(clock, Duration.ofHours(1))) {
      backend.set("k", bytes("v"), SetOptions.ttl(Duration.ofSeconds(10)));
      clock.advance(Duration.ofSeconds(4));

      assertThat(backend.ttl("k").remaining()).isEqualTo(Duration.ofSeconds(6));
    }
  }

  @Test
  void time_isInjectedClock() {
    try (MemoryBackend backend = new MemoryBackend(clock, Duration.ofHours(1))) {
      assertThat(backend.time()).isEqualTo(clock.instant());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
