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

  @Test
  void mayHaveSurrogate_loneSurrogateAtEveryPosition_true() {
    for (int length = 1; length <= 21; length++) {
      for (int at = 0; at < length; at++) {
        StringBuilder text = new StringBuilder("\u07ff".repeat(length));
        text.setCharAt(at, at % 2 == 0 ? '\ud800' : '\udfff');

        assertThat(Unicode.mayHaveSurrogate(text.toString())).as("length %d, at %d", length, at).isTrue();
        assertThat(Unicode.loneSurrogateIndex(text.toString())).as("length %d, at %d", length, at).isEqualTo(at);
      }
    }
  }

  @Test
  void mayHaveSurrogate_loneSurrogateAmongAscii_trueAndFound() {
    // Latin-1 text with one lone surrogate is stored UTF-16 as a whole: the check must see it wherever it is
    for (int length : new int[] {15, 16, 64, 256, 257}) {
      for (int at : new int[] {0, length / 2, length - 1}) {
        StringBuilder text = new StringBuilder("v".repeat(length));
        text.setCharAt(at, '\udc00');

        assertThat(Unicode.mayHaveSurrogate(text.toString())).as("length %d, at %d", length, at).isTrue();
        assertThat(Unicode.loneSurrogateIndex(text.toString())).as("length %d, at %d", length, at).isEqualTo(at);
        assertThat(Unicode.loneSurrogateIndex(text)).as("builder, length %d, at %d", length, at).isEqualTo(at);
      }
    }
    assertThat(Unicode.mayHaveSurrogate("v".repeat(40) + "\ud83d\ude00" + "v".repeat(22))).isTrue();
    assertThat(Unicode.mayHaveSurrogate("v".repeat(64))).isFalse();
  }

  @Test
  void mayHaveSurrogate_charsBelowTheSurrogates_false() {
    assertThat(Unicode.mayHaveSurrogate("ab\u5000\u87ff\u1234xyz\u00e9\u07ff\ud7ff" + "v".repeat(64))).isFalse();
    assertThat(Unicode.mayHaveSurrogate("")).isFalse();
  }

  @Test
  void loneSurrogateIndex_charsAboveTheSurrogates_minusOne() {
    // private use and CJK compatibility chars pass the quick check and must then pass the precise one
    assertThat(Unicode.mayHaveSurrogate("\ue000\uf900\uffff")).isTrue();
    assertThat(Unicode.loneSurrogateIndex("\ue000\uf900\uffff")).isEqualTo(-1);
    assertThat(Unicode.loneSurrogateIndex("\ue000\uf900\uffff\ud800")).isEqualTo(3);
  }
}
