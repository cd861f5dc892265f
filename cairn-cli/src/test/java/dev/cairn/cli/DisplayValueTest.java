package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DisplayValueTest {

  @Test
  void of_null_showsNull() {
    assertThat(DisplayValue.of(null, 10)).isEqualTo("NULL");
  }

  @Test
  void of_number_plainText() {
    assertThat(DisplayValue.of(new BigDecimal("12.50"), 10)).isEqualTo("12.50");
  }

  @Test
  void text_controlCharacters_escapedOnOneLine() {
    assertThat(DisplayValue.text("a\nb\tc\r\u001b[31m\u0000\\\u200b", 0))
        .isEqualTo("a\\nb\\tc\\r\\u001b[31m\\u0000\\\\\\u200b");
  }

  @Test
  void text_overLimit_cutWithCountOfHiddenChars() {
    assertThat(DisplayValue.text("abcdefghij", 4)).isEqualTo("abcd... [6 more chars]");
  }

  @Test
  void text_atLimitOrNoLimit_unchanged() {
    assertThat(DisplayValue.text("abcd", 4)).isEqualTo("abcd");
    assertThat(DisplayValue.text("abcdefghij", 0)).isEqualTo("abcdefghij");
  }

  @Test
  void text_surrogatePairs_countedAsOneCharacterAndNeverSplit() {
    assertThat(DisplayValue.text("\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02", 2))
        .isEqualTo("\uD83D\uDE00\uD83D\uDE01... [1 more chars]");
  }

  @Test
  void of_bytes_hex() {
    assertThat(DisplayValue.of(new byte[] {0, (byte) 0xff, 0x10}, 60)).isEqualTo("0x00ff10");
  }

  @Test
  void of_longBytes_hexCutWithLength() {
    byte[] bytes = new byte[100];

    String shown = DisplayValue.of(bytes, 20);

    assertThat(shown).isEqualTo("0x" + "00".repeat(9) + "... [100 bytes]");
  }
}
