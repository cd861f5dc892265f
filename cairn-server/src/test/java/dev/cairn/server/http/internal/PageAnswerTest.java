package dev.cairn.server.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Json;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Page;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The streamed page answer is byte for byte what the general route ({@link Json#writeAnswer}) writes. */
class PageAnswerTest {

  @Test
  void render_everyKindOfCell_sameBytesAsTheGeneralRoute() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("id", 1L);
    first.put("small", 7);
    first.put("name", "h\u00e9llo \"quoted\" \\ back\nline\ttab \u0001 \u2028 emoji \uD83D\uDE00 </script>");
    first.put("ratio", 0.1);
    first.put("whole", 3.0);
    first.put("huge", 1.0e300);
    first.put("nan", Double.NaN);
    first.put("infinite", Double.NEGATIVE_INFINITY);
    first.put("flag", true);
    first.put("missing", null);
    first.put("money", new BigDecimal("12.3400"));
    first.put("exponent", new BigDecimal("1E+3"));
    first.put("big", new BigInteger("123456789012345678901234567890"));
    first.put("bytes", new byte[] {0, 1, (byte) 0xff});
    first.put("instant", Instant.parse("2026-12-01T08:00:00.123456Z"));
    first.put("date", LocalDate.of(2026, 12, 1));
    first.put("local", LocalDateTime.of(2026, 12, 1, 8, 0));
    first.put("offset", OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.ofHours(2)));
    first.put("uuid", UUID.fromString("00000000-0000-0000-0000-000000000001"));
    first.put("float", 1.5f);
    first.put("short", (short) 3);
    first.put("", "empty key");
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("id", Long.MIN_VALUE);
    second.put("small", Integer.MAX_VALUE);
    second.put("name", "");
    second.put("ratio", -0.0);
    List<Map<String, Object>> rows = List.of(first, second);

    assertSame("users", new Page<>(rows, 2, 50, OptionalLong.of(10_000), Optional.of(Cursor.of("eyJzIjoiYSJ9"))));
    assertSame("we\u00efrd \"table\"", new Page<>(rows, 1, 2, OptionalLong.empty(), Optional.empty()));
    assertSame("users", new Page<>(List.of(), 9, 50, OptionalLong.of(0), Optional.empty()));
  }

  @Test
  void render_loneSurrogate_leftToTheGeneralRoute() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", "half \uD83D of a pair");
    Page<Map<String, Object>> page = new Page<>(List.of(row), 1, 50, OptionalLong.of(1), Optional.empty());
    assertThat(PageAnswer.render("users", page)).isNull(); // so the general route answers, '?' for the half
    row.put("name", "pair \uD83D\uDE00 then low \uDE00 alone");
    assertThat(PageAnswer.render("users", page)).isNull();
    row.put("name", "ends high \uD83D");
    assertThat(PageAnswer.render("users", page)).isNull();
  }

  @Test
  void render_nestedValue_leftToTheGeneralRoute() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("doc", Map.of("a", List.of(1, "two")));
    assertThat(PageAnswer.render("users", new Page<>(List.of(row), 1, 50, OptionalLong.of(1), Optional.empty())))
        .isNull();
  }

  private static void assertSame(String table, Page<Map<String, Object>> page) {
    byte[] expected = Json.writeAnswer(PageAnswer.asMap(table, page), true).getBytes(StandardCharsets.UTF_8);
    PageAnswer.Bytes rendered = PageAnswer.render(table, page);
    assertThat(rendered).isNotNull();
    byte[] actual = Arrays.copyOf(rendered.array(), rendered.size());
    assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }
}
