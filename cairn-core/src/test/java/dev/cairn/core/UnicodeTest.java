package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnicodeTest {

  @Test
  void loneSurrogateIndex_wellFormed_minusOne() {
    assertThat(Unicode.loneSurrogateIndex("")).isEqualTo(-1);
    assertThat(Unicode.loneSurrogateIndex(null)).isEqualTo(-1);
    assertThat(Unicode.loneSurrogateIndex("plain ascii and é and 漢字")).isEqualTo(-1);
    assertThat(Unicode.loneSurrogateIndex("pair \uD83D\uDE00 at the end \uD83D\uDE00")).isEqualTo(-1);
  }

  @Test
  void loneSurrogateIndex_lone_itsIndex() {
    assertThat(Unicode.loneSurrogateIndex("\uD800")).isZero();
    assertThat(Unicode.loneSurrogateIndex("ab\uDFFF")).isEqualTo(2);
    assertThat(Unicode.loneSurrogateIndex("x\uD83D")).isEqualTo(1);
    assertThat(Unicode.loneSurrogateIndex("\uDE00\uD83D")).isZero();
    assertThat(Unicode.loneSurrogateIndex("\uD83D\uDE00\uDE00")).isEqualTo(2);
    assertThat(Unicode.loneSurrogateIndex("\uD83D\uD83D\uDE00")).isZero();
  }

  @Test
  void requireWellFormed_lone_invalidUnicodeWithoutTheText() {
    assertThatThrownBy(() -> Unicode.requireWellFormed("secret\uD800", "value for key 'k'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("value for key 'k' has a lone UTF-16 surrogate at index 6 (U+D800), which UTF-8 cannot store")
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_UNICODE");
    assertThat(Unicode.requireWellFormed("ok \uD83D\uDE00", "x")).isEqualTo("ok \uD83D\uDE00");
  }

  @Test
  void utf8Length_anyText_lengthOfItsUtf8Encoding() {
    List<String> texts = List.of("", "plain ascii", "é and ß", "漢字 \u0800 \uFFFF", "pair \uD83D\uDE00",
        "\uD83D\uDE00\uD83D\uDE00", "\u007F\u0080\u07FF");

    for (String text : texts) {
      assertThat(Unicode.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  // What a name check of cairn-subject needs: a lone surrogate is counted as the '?' Java's encoder makes of it.
  @Test
  void utf8Length_loneSurrogates_oneByteEachAsTheEncoderWrites() {
    List<String> texts = List.of("\uD800", "ab\uDFFF", "x\uD83D", "\uDE00\uD83D", "\uD83D\uDE00\uDE00",
        "\uD83D\uD83D\uDE00");

    for (String text : texts) {
      assertThat(Unicode.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
    assertThat(Unicode.utf8Length("x\uD83D")).isEqualTo(2);
  }
}
