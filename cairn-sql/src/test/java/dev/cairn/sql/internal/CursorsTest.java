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

  @Test
  void encode_handWrittenJson_isWhatJacksonWrites() {
    List<List<Object>> samples = List.of(
        Arrays.asList(1L, -9_223_372_036_854_775_808L, null, true, false),
        Arrays.asList("plain", "quote \" backslash \\ slash /", "tab\tnewline\ncontrol\u0001\u001f",
            "h\u00e9llo \u4e16\u754c \ud83d\ude00", ""),
        Arrays.asList(Instant.parse("2024-01-02T03:04:05.000006Z"), new java.math.BigDecimal("1E+3"),
            new byte[] {0, -1, 7}, java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")));
    for (List<Object> values : samples) {
      assertThat(Cursors.fastJson("s\"ig", values)).isEqualTo(Cursors.jacksonJson("s\"ig", values));
    }
    assertThat(Cursors.fastJson("sig", List.of(1.5))).as("doubles take Jackson's way").isNull();
  }

  @Test
  void decode_alteredPaddingBits_isInvalidCursor() {
    String token = Cursors.encode("sig", Arrays.asList(Instant.EPOCH, "a", 1L)).token();
    assertThat(token.length() % 4).as("a token with spare bits").isNotZero();
    char last = token.charAt(token.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String altered = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);

    assertThat(Cursors.canonical(token)).isTrue();
    for (String bad : List.of(altered, token + "==", token + "A")) {
      assertThatThrownBy(() -> Cursors.decode(Cursor.of(bad), "sig", KINDS, "users"))
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_CURSOR");
    }
  }

  @Test
  void decode_plainReaderAndJsonParser_agree() {
    List<String> texts = List.of(
        "{\"s\":\"sig\",\"v\":[\"2024-01-02T03:04:05Z\",\"a\\\"b\\\\c\\u00e9\\n\",-42]}",
        "{\"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",null,0]}",
        "{ \"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",null,7]}",
        "{\"v\":[\"1970-01-01T00:00:00Z\",null,7],\"s\":\"sig\"}",
        "{\"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",\"x\",12345678901234567890]}",
        "{\"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",\"x\",007]}",
        "{\"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",\"x\",7]}trailing",
        "{\"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",\"x\",1.5]}",
        "{\"s\":\"sig\",\"v\":[\"1970-01-01T00:00:00Z\",\"\\ud83d\\ude00\",7]}");
    for (String text : texts) {
      Cursor cursor = Cursor.of(java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Object viaDecode = outcome(() -> Cursors.decode(cursor, "sig", KINDS, "users"));
      Object viaTree = outcome(() -> Cursors.decodeTreeForTest(text, "sig", KINDS, "users"));
      assertThat(viaDecode).as(text).isEqualTo(viaTree);
    }
    assertThat(CursorText.parse(texts.getFirst())).isNotNull();
  }

  private static Object outcome(java.util.function.Supplier<List<Object>> decode) {
    try {
      return decode.get();
    } catch (InvalidInputException e) {
      return e.code();
    }
  }
}
