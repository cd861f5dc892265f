package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A page encodes its next cursor only when {@link Page#next()} is called, and otherwise behaves as the record it
 * was: the same accessors, equality and text whichever way it was built.
 */
class PageTest {

  @Test
  void withNextFrom_hasNextWithoutEncoding_encodesOnceOnFirstNext() {
    AtomicInteger encoded = new AtomicInteger();
    Supplier<Cursor> encoder = () -> Cursor.of("token" + encoded.incrementAndGet());
    Page<String> page = Page.withNextFrom(List.of("a", "b"), 3, 2, OptionalLong.empty(), encoder);

    assertThat(page.hasNext()).isTrue();
    assertThat(page.items()).containsExactly("a", "b");
    assertThat(encoded).hasValue(0);

    assertThat(page.next()).contains(Cursor.of("token1"));
    assertThat(page.next()).contains(Cursor.of("token1"));
    assertThat(encoded).hasValue(1);
  }

  @Test
  void withNextFrom_lastPage_noCursor() {
    Page<String> page = Page.withNextFrom(List.of("a"), 1, 2, OptionalLong.of(1), null);

    assertThat(page.hasNext()).isFalse();
    assertThat(page.next()).isEmpty();
  }

  @Test
  void lazyAndGivenCursor_equalPagesWithEqualText() {
    Page<String> given = new Page<>(List.of("a"), 1, 1, OptionalLong.of(5), Optional.of(Cursor.of("t")));
    Page<String> lazy = Page.withNextFrom(List.of("a"), 1, 1, OptionalLong.of(5), () -> Cursor.of("t"));
    Page<String> other = Page.withNextFrom(List.of("a"), 1, 1, OptionalLong.of(5), () -> Cursor.of("u"));

    assertThat(lazy).isEqualTo(given).hasSameHashCodeAs(given).hasToString(given.toString()).isNotEqualTo(other);
    assertThat(given.toString()).isEqualTo("Page[items=[a], page=1, pageSize=1, total=OptionalLong[5], next=Optional[t]]");
  }

  @Test
  void lazyCursor_byteArraySortKeyChangedByTheCallerBeforeNext_nextPageStillFollowsTheRowsAsRead() {
    try (Database db = Database.open("sqlite::memory:")) {
      db.execute("CREATE TABLE b (id INTEGER PRIMARY KEY, k BLOB NOT NULL)").orElseThrow();
      for (int i = 1; i <= 4; i++) {
        db.execute("INSERT INTO b (k) VALUES (?)", (Object) new byte[] {(byte) i}).orElseThrow();
      }
      Query firstTwo = Query.all().orderBy(Sort.asc("k")).limit(2);
      Page<java.util.Map<String, Object>> first = db.rows("b").query(firstTwo).orElseThrow();

      ((byte[]) first.items().get(1).get("k"))[0] = 9;
      Page<java.util.Map<String, Object>> second =
          db.rows("b").query(firstTwo.after(first.next().orElseThrow())).orElseThrow();

      assertThat(second.items()).extracting(row -> ((byte[]) row.get("k"))[0]).containsExactly((byte) 3, (byte) 4);
    }
  }

  @Test
  void items_copiedAndUnmodifiable() {
    List<String> source = new ArrayList<>(List.of("a"));
    Page<String> page = new Page<>(source, 1, 1, OptionalLong.empty(), Optional.empty());
    source.add("b");

    assertThat(page.items()).containsExactly("a");
    assertThatThrownBy(() -> page.items().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }
}
