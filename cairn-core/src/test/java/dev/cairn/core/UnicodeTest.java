package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
