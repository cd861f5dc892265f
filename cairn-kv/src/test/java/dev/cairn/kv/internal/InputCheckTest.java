package dev.cairn.kv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class InputCheckTest {
  private static final InputCheck CHECK = new InputCheck(1024);

  @Test
  void mayHaveSurrogate_loneSurrogateAtEveryPosition_true() {
    for (int length = 1; length <= 21; length++) {
      for (int at = 0; at < length; at++) {
        StringBuilder text = new StringBuilder("\u07ff".repeat(length));
        text.setCharAt(at, at % 2 == 0 ? '\ud800' : '\udfff');

        assertThat(InputCheck.mayHaveSurrogate(text.toString())).as("length %d, at %d", length, at).isTrue();
      }
    }
  }

  @Test
  void mayHaveSurrogate_loneSurrogateAmongAscii_trueAndRefused() {
    // a shortcut that encodes the text to find non-ASCII chars would miss these: UTF-8 has one '?' byte for a
    // lone surrogate, as many bytes as chars, like pure ASCII (such a shortcut was tried, and refused by this test)
    for (int length : new int[] {15, 16, 64, 256, 257}) {
      for (int at : new int[] {0, length / 2, length - 1}) {
        StringBuilder text = new StringBuilder("v".repeat(length));
        text.setCharAt(at, '\udc00');

        assertThat(InputCheck.mayHaveSurrogate(text.toString())).as("length %d, at %d", length, at).isTrue();
        assertThatThrownBy(() -> CHECK.textValue("k", text.toString())).as("length %d, at %d", length, at)
            .isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo("INVALID_UNICODE"));
      }
    }
    assertThat(InputCheck.mayHaveSurrogate("v".repeat(40) + "\ud83d\ude00" + "v".repeat(22))).isTrue();
    assertThat(InputCheck.mayHaveSurrogate("v".repeat(64))).isFalse();
  }

  @Test
  void mayHaveSurrogate_charsBelowTheSurrogates_false() {
    // OR-ing these gives 0xd7ff, just below the surrogates: the block test must not turn it into a hit
    assertThat(InputCheck.mayHaveSurrogate("ab\u5000\u87ff\u1234xyz\u00e9\u07ff" + "v".repeat(64))).isFalse();
    assertThat(InputCheck.mayHaveSurrogate("")).isFalse();
  }

  @Test
  void textValue_loneSurrogatePastTheFirstBlock_invalidUnicode() {
    assertThatThrownBy(() -> CHECK.textValue("k", "v".repeat(13) + "\udc00" + "v".repeat(50)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_UNICODE"));
  }

  @Test
  void textValue_pairedSurrogateAndPrivateUse_accepted() {
    String text = "v".repeat(9) + "\ud83d\ude00" + "\ue000" + "v".repeat(9);

    assertThat(CHECK.textValue("k", text)).isSameAs(text);
  }
}
