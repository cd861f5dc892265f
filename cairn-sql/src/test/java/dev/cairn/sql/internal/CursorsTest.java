package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Cursor;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {
  private static final List<ValueKind> KINDS = List.of(ValueKind.INSTANT, ValueKind.STRING, ValueKind.LONG);

  @Test
  void decode_ownCursor_givesValuesBack() {
    List<Object> values = Arrays.asList(Instant.parse("2024-01-02T03:04:05.000006Z"), null, 42L);
    Cursor cursor = Cursors.encode("sig", values);
    assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    assertThat(Cursors.decode(cursor, "sig", KINDS, "users")).isEqualTo(values);
  }

  @Test
  void decode_foreignOrTamperedCursor_isInvalidCursor() {
    Cursor cursor = Cursors.encode("sig", Arrays.asList(Instant.EPOCH, "a", 1L));
    for (Cursor bad : List.of(cursor, Cursor.of(cursor.token() + "x"), Cursor.of("e30"), Cursor.of("!!"),
        Cursors.encode("sig", List.of(1L)), Cursors.encode("sig", Arrays.asList("not a time", "a", 1L)))) {
      String signature = bad == cursor ? "other" : "sig";
      assertThatThrownBy(() -> Cursors.decode(bad, signature, KINDS, "users"))
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_CURSOR");
    }
  }
}
