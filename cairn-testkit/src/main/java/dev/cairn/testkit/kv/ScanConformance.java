package dev.cairn.testkit.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.ScanPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SCAN patterns, cursor scans and deletePrefix, part of {@link KeyValueConformance}. */
public interface ScanConformance extends KeyValueFixture {

  @Test
  default void scan_globPatterns_matchAsRedisDoes() {
    List<String> keys = List.of("a1", "a2", "ab", "b1", "b2", "c", "c1", "x*y", "x[1]", "xzy");
    keys.forEach(key -> kv().set(key, "v"));

    assertThat(scanned("*")).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(scanned("a*")).containsExactlyInAnyOrder("a1", "a2", "ab");
    assertThat(scanned("?1")).containsExactlyInAnyOrder("a1", "b1", "c1");
    assertThat(scanned("[ab]1")).containsExactlyInAnyOrder("a1", "b1");
    assertThat(scanned("[^a]1")).containsExactlyInAnyOrder("b1", "c1");
    assertThat(scanned("[a-b]2")).containsExactlyInAnyOrder("a2", "b2");
    assertThat(scanned("[b-a]2")).containsExactlyInAnyOrder("a2", "b2");
    assertThat(scanned("x\\*y")).containsExactly("x*y");
    assertThat(scanned("x[*]y")).containsExactly("x*y");
    assertThat(scanned("x?y")).containsExactlyInAnyOrder("x*y", "xzy");
    assertThat(scanned("x\\[1\\]")).containsExactly("x[1]");
    assertThat(scanned("[\\a]1")).containsExactly("a1");
    assertThat(scanned("[abc")).containsExactly("c");
    assertThat(scanned("a")).isEmpty();
  }

  @Test
  default void scan_moreKeysThanOneBatch_returnsEveryKey() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 1_234; i++) {
      entries.put("k" + i, "v");
    }
    kv().mset(entries);

    assertThat(scanned("k*")).isEqualTo(entries.keySet());
  }

  @Test
  default void scan_prefixedView_returnsKeysRelativeToView() {
    KeyValue view = kv().withPrefix("v:");
    view.set("k", "1");
    kv().set("other", "2");

    assertThat(view.scan("*").toList()).containsExactly("k");
    assertThat(scanned("*")).containsExactlyInAnyOrder("v:k", "other");
  }

  @Test
  default void deletePrefix_withExclusions_deletesOnlyMatchingKeys() {
    List.of("tok:1", "tok:2", "tok:keep:1", "token", "other:1").forEach(key -> kv().set(key, "v"));

    long deleted = kv().deletePrefix("tok:", "tok:keep:");

    assertThat(deleted).isEqualTo(2);
    assertThat(scanned("*")).containsExactlyInAnyOrder("tok:keep:1", "token", "other:1");
  }

  @Test
  default void deletePrefix_globCharactersInPrefix_matchOnlyThemselves() {
    List.of("a*:1", "ab:1", "a?:1", "a[b]:1", "a\\:1").forEach(key -> kv().set(key, "v"));

    assertThat(kv().deletePrefix("a*:")).isEqualTo(1);
    assertThat(kv().deletePrefix("a[b]:")).isEqualTo(1);
    assertThat(kv().deletePrefix("a\\")).isEqualTo(1);

    assertThat(scanned("*")).containsExactlyInAnyOrder("ab:1", "a?:1");
  }

  @Test
  default void deletePrefix_moreKeysThanOneBatch_deletesAll() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 1_300; i++) {
      entries.put("bulk:" + i, "v");
    }
    kv().mset(entries);
    kv().hashSet("bulk:hash", "f", "v");

    assertThat(kv().deletePrefix("bulk:")).isEqualTo(1_301);
    assertThat(scanned("*")).isEmpty();
  }

  @Test
  default void deletePrefix_emptyPrefixInView_deletesOnlyTheView() {
    KeyValue view = kv().withPrefix("inner:");
    view.set("a", "1");
    view.set("b", "2");
    kv().set("outside", "3");

    assertThat(view.deletePrefix("")).isEqualTo(2);
    assertThat(scanned("*")).containsExactly("outside");
  }

  // Redis may return a key twice while it resizes its table (SCAN's contract), so only the set is compared here;
  // the memory store's own test checks that it never repeats one.
  @Test
  default void scanCursor_pages_visitEveryMatchingKey() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 1_234; i++) {
      entries.put("page:" + i, "v");
    }
    entries.put("other:1", "v");
    kv().mset(entries);

    assertThat(new HashSet<>(paged("page:*", 200))).isEqualTo(scanned("page:*")).hasSize(1_234);
  }

  @Test
  default void scanCursor_step_boundedByCount() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 2_000; i++) {
      entries.put("b:" + i, "v");
    }
    kv().mset(entries);

    ScanPage first = kv().scan("b:*", ScanPage.START, 10);

    // A Redis step ends at a hash bucket, so it may hold a few more than count; never the whole keyspace.
    assertThat(first.keys().size()).isLessThanOrEqualTo(30);
    assertThat(first.finished()).isFalse();
  }

  @Test
  default void scanCursor_globPatterns_matchAsScanDoes() {
    List.of("a1", "a2", "ab", "b1", "c1", "x*y", "xzy", "x[1]").forEach(key -> kv().set(key, "v"));

    for (String pattern : List.of("*", "a*", "?1", "[ab]1", "x\\*y", "x?y", "x\\[1\\]", "a", "zz*")) {
      assertThat(new HashSet<>(paged(pattern, 25))).as(pattern).isEqualTo(scanned(pattern));
    }
  }

  @Test
  default void scanCursor_keysPresentThroughout_returnedDespiteChanges() {
    for (int i = 0; i < 300; i++) {
      kv().set("live:" + i, "v");
    }
    List<String> visited = new ArrayList<>();
    ScanPage step = kv().scan("live:*", ScanPage.START, 100);
    visited.addAll(step.keys());
    for (int i = 0; i < 300; i += 7) {
      if (!visited.contains("live:" + i)) {
        kv().delete("live:" + i);
      }
    }
    for (int i = 300; i < 400; i++) {
      kv().set("live:" + i, "v");
    }
    while (!step.finished()) {
      step = kv().scan("live:*", step.cursor(), 100);
      visited.addAll(step.keys());
    }

    Set<String> presentThroughout = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      if (i % 7 != 0) {
        presentThroughout.add("live:" + i);
      }
    }
    assertThat(visited).containsAll(presentThroughout);
  }

  @Test
  default void scanCursor_prefixedView_relativeKeysOnly() {
    KeyValue view = kv().withPrefix("pv:");
    for (int i = 0; i < 25; i++) {
      view.set("k" + i, "v");
    }
    kv().set("pw:outside", "v");

    List<String> visited = new ArrayList<>();
    ScanPage step = view.scan("*", ScanPage.START, 10);
    visited.addAll(step.keys());
    while (!step.finished()) {
      step = view.scan("*", step.cursor(), 10);
      visited.addAll(step.keys());
    }

    assertThat(visited).hasSize(25).allMatch(key -> key.startsWith("k"));
  }

  @Test
  default void scanCursor_expiredKeys_notReturned() {
    kv().set("exp:gone", "v", java.time.Duration.ofMillis(50));
    kv().set("exp:kept", "v");
    passTime(java.time.Duration.ofMillis(1_200));

    assertThat(paged("exp:*", 100)).containsExactly("exp:kept");
  }

  @Test
  default void scanCursor_badCursorOrCount_refused() {
    assertThatThrownBy(() -> kv().scan("*", "not-a-cursor", 10))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_CURSOR");
    assertThatThrownBy(() -> kv().scan("*", ScanPage.START, 0))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_LIMIT");
  }

  /** Every key of a cursor scan of {@code pattern} in steps of {@code count}, in the order returned. */
  default List<String> paged(String pattern, int count) {
    List<String> visited = new ArrayList<>();
    ScanPage step = kv().scan(pattern, ScanPage.START, count);
    visited.addAll(step.keys());
    int steps = 1;
    while (!step.finished()) {
      step = kv().scan(pattern, step.cursor(), count);
      visited.addAll(step.keys());
      assertThat(++steps).as("steps of " + pattern).isLessThan(100_000);
    }
    return visited;
  }

  private Set<String> scanned(String pattern) {
    Set<String> keys = new HashSet<>();
    kv().scan(pattern).forEach(keys::add);
    return keys.stream().collect(Collectors.toSet());
  }
}
