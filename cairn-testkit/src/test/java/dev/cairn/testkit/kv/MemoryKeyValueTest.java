package dev.cairn.testkit.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.ManualClock;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.ScanPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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

  @Test
  void scanCursor_keysChangingMeanwhile_noKeyTwiceAndEveryKeptKeyOnce() {
    for (int i = 0; i < 500; i++) {
      kv.set("c:" + i, "v");
    }
    List<String> visited = new ArrayList<>();
    ScanPage step = kv.scan("c:*", ScanPage.START, 40);
    int round = 0;
    do {
      visited.addAll(step.keys());
      // churn between steps: new keys on both sides of the cursor, deletions, re-creations, a hash
      kv.set("c:new" + round, "v");
      kv.set("c:" + (round * 7 % 500), "changed");
      kv.hashSet("c:hash" + round, "f", "v");
      kv.delete("c:" + (499 - round));
      kv.set("c:" + (499 - round), "back");
      step = kv.scan("c:*", step.cursor(), 40);
      round++;
    } while (!step.finished());
    visited.addAll(step.keys());

    assertThat(visited).doesNotHaveDuplicates();
    assertThat(visited).containsAll(IntStream.range(0, 500 - round).mapToObj(i -> "c:" + i).toList());
  }

  @Test
  void scanCursor_afterConcurrentWritesAndDeletes_matchesFullScan() throws InterruptedException {
    Thread[] writers = new Thread[4];
    for (int t = 0; t < writers.length; t++) {
      int seed = t;
      writers[t] = Thread.ofPlatform().start(() -> {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 20_000; i++) {
          String key = "race:" + random.nextInt(64);
          switch (random.nextInt(4)) {
            case 0 -> kv.set(key, "v");
            case 1 -> kv.delete(key);
            case 2 -> kv.set(key, "v", Duration.ofMillis(1));
            default -> kv.incr(key + ":n");
          }
        }
      });
    }
    for (Thread writer : writers) {
      writer.join();
    }
    clock.advance(Duration.ofMillis(5));

    assertThat(paged("race:*", 7)).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(kv.scan("race:*").toList());
  }
}
