package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Dialect;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class FixedWidthTimeTest {
  @Test
  void format_parse_roundTripAtMicroseconds() {
    LocalDateTime time = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
    String text = FixedWidthTime.format(time, true);
    assertThat(text).isEqualTo("2024-02-29T23:59:58.123456Z");
    assertThat(FixedWidthTime.parse(text)).isEqualTo(time);
    assertThat(FixedWidthTime.parse("2024-02-29T23:59:58Z")).isNull();
    assertThat(FixedWidthTime.parse("2024-0x-29T23:59:58.123456")).isNull();
  }

  @Test
  void bindForm_sqliteInstantText_sortsLikeTime() {
    List<Instant> instants = List.of(Instant.parse("1999-12-31T23:59:59.999999Z"),
        Instant.parse("2000-01-01T00:00:00Z"),
        Instant.parse("2000-01-01T00:00:00.000001Z"), Instant.parse("2031-05-06T07:08:09.5Z"));
    List<String> texts = new ArrayList<>();
    for (Instant instant : instants) {
      texts.add((String) ValueKind.INSTANT.bindForm(instant, Dialect.SQLITE));
    }
    assertThat(texts).isSorted();
    assertThat(ValueKind.INSTANT.coerce(texts.get(2), "t", "c")).isEqualTo(instants.get(2));
  }

  @Test
  void coerce_textIntoInteger_acceptedOrRefused() {
    assertThat(ValueKind.LONG.coerce("36", "users", "age")).isEqualTo(36L);
    assertThat(ValueKind.LONG.coerce(36.0, "users", "age")).isEqualTo(36L);
    Assertions.assertThatThrownBy(() -> ValueKind.LONG.coerce("abc", "users", "age"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("users.age")
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_VALUE");
    Assertions.assertThatThrownBy(() -> ValueKind.LONG.coerce(36.5, "users", "age"))
        .isInstanceOf(InvalidInputException.class);
    Assertions.assertThatThrownBy(() -> ValueKind.BOOLEAN.coerce("maybe", "users", "active"))
        .isInstanceOf(InvalidInputException.class);
  }
}
