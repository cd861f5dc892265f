package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SCAN patterns and deletePrefix, part of {@link KeyValueConformance}. */
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

  private Set<String> scanned(String pattern) {
    Set<String> keys = new HashSet<>();
    kv().scan(pattern).forEach(keys::add);
    return keys.stream().collect(Collectors.toSet());
  }
}
