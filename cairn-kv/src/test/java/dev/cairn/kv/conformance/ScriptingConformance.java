package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import dev.cairn.kv.spi.Scripting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scripting SPI coordination code builds on, part of {@link KeyValueConformance}: a Lua script and its Java
 * twin must give the same answers, atomically, on every backend.
 */
public interface ScriptingConformance extends KeyValueFixture {

  /** Compare-and-set: KEYS[1], ARGV = expected, new value; returns {1, new} or {0, current or nil}. */
  Script COMPARE_AND_SET = new Script("compare-and-set", """
      local current = redis.call('GET', KEYS[1])
      if current == ARGV[1] then
        redis.call('SET', KEYS[1], ARGV[2])
        return {1, ARGV[2]}
      end
      return {0, current}
      """, (store, keys, args) -> {
        Optional<byte[]> current = store.get(keys.get(0));
        if (current.isPresent() && new String(current.get(), StandardCharsets.UTF_8).equals(args.get(0))) {
          store.set(keys.get(0), args.get(1).getBytes(StandardCharsets.UTF_8), null);
          return List.of(1L, args.get(1).getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.asList(0L, current.orElse(null));
      });

  /** Counts in KEYS[1] and stamps KEYS[2] with a TTL of ARGV[1] ms; returns {count, pttl > 0 ? 1 : 0}. */
  Script COUNT_AND_STAMP = new Script("count-and-stamp", """
      local count = redis.call('INCR', KEYS[1])
      redis.call('SET', KEYS[2], count, 'PX', ARGV[1])
      return {count, redis.call('PTTL', KEYS[2]) > 0 and 1 or 0}
      """, (store, keys, args) -> {
        long count = store.incrBy(keys.get(0), 1);
        store.set(keys.get(1), Long.toString(count).getBytes(StandardCharsets.UTF_8),
            Duration.ofMillis(Long.parseLong(args.get(0))));
        return List.of(count, store.ttl(keys.get(1)).remaining().isPositive() ? 1L : 0L);
      });

  /** Fails on purpose. */
  Script FAILING = new Script("failing", "return redis.error_reply('failing on purpose')",
      (store, keys, args) -> {
        throw new IllegalStateException("failing on purpose");
      });

  /** Reads KEYS[1] as a string. */
  Script READ = new Script("read", "return {redis.call('GET', KEYS[1])}",
      (store, keys, args) -> {
        List<Object> values = new ArrayList<>();
        values.add(store.get(keys.get(0)).orElse(null));
        return values;
      });

  /** The time the store's clock should show now; memory tests override with their manual clock. */
  default Instant expectedNow() {
    return Instant.now();
  }

  @Test
  default void run_compareAndSet_actsOnlyOnExpectedValue() {
    Scripting scripting = Scripting.of(kv());
    kv().set("k", "old");

    ScriptResult missed = scripting.run(COMPARE_AND_SET, List.of("k"), List.of("other", "new"));
    ScriptResult hit = scripting.run(COMPARE_AND_SET, List.of("k"), List.of("old", "new"));
    ScriptResult absent = scripting.run(COMPARE_AND_SET, List.of("nothing"), List.of("old", "new"));

    assertThat(missed.longAt(0)).isZero();
    assertThat(missed.textAt(1)).isEqualTo("old");
    assertThat(hit.longAt(0)).isEqualTo(1);
    assertThat(hit.textAt(1)).isEqualTo("new");
    assertThat(absent.longAt(0)).isZero();
    assertThat(kv().get("k")).contains("new");
    assertThat(kv().exists("nothing")).isFalse();
  }

  @Test
  default void run_hashTaggedKeys_updatesBothAtomically() throws InterruptedException {
    Scripting scripting = Scripting.of(kv());
    List<String> keys = List.of(Scripting.hashTag("job") + ":count", Scripting.hashTag("job") + ":stamp");
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      workers.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 50; i++) {
          scripting.run(COUNT_AND_STAMP, keys, List.of("60000"));
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }

    ScriptResult last = scripting.run(COUNT_AND_STAMP, keys, List.of("60000"));
    assertThat(last.longAt(0)).isEqualTo(401);
    assertThat(last.longAt(1)).isEqualTo(1);
    assertThat(kv().get("{job}:stamp")).contains("401");
  }

  @Test
  default void run_keysInDifferentSlots_crossSlotAndNothingRuns() {
    Scripting scripting = Scripting.of(kv());

    assertThatThrownBy(() -> scripting.run(COUNT_AND_STAMP, List.of("{a}:count", "{b}:stamp"), List.of("1000")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("CROSS_SLOT"));
    assertThat(kv().exists("{a}:count")).isFalse();
  }

  @Test
  default void run_scriptFails_scriptFailedWithName() {
    assertThatThrownBy(() -> Scripting.of(kv()).run(FAILING, List.of("k"), List.of()))
        .isInstanceOfSatisfying(CairnException.class, e -> {
          assertThat(e.code()).isEqualTo("KV_SCRIPT_FAILED");
          assertThat(e.getMessage()).contains("failing");
        });
  }

  @Test
  default void run_keyOfWrongType_wrongType() {
    kv().hashSet("h", "f", "v");

    assertThatThrownBy(() -> Scripting.of(kv()).run(READ, List.of("h"), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("WRONG_TYPE"));
  }

  @Test
  default void time_store_showsItsClock() {
    Instant time = Scripting.of(kv()).time();

    assertThat(Duration.between(expectedNow(), time).abs()).isLessThan(Duration.ofSeconds(30));
  }
}
