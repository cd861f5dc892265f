package dev.cairn.kv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class InputCheckTest {
  private static final InputCheck CHECK = new InputCheck(1024);

  @Test
  void textValue_loneSurrogateAmongAscii_invalidUnicode() {
    // a shortcut that encodes the text to find non-ASCII chars would miss these: UTF-8 has one '?' byte for a
    // lone surrogate, as many bytes as chars, like pure ASCII (such a shortcut was tried, and refused by this test)
    for (int length : new int[] {15, 16, 64, 256, 257}) {
      for (int at : new int[] {0, length / 2, length - 1}) {
        StringBuilder text = new StringBuilder("v".repeat(length));
        text.setCharAt(at, '\udc00');

        assertThatThrownBy(() -> CHECK.textValue("k", text.toString())).as("length %d, at %d", length, at)
            .isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo("INVALID_UNICODE"));
      }
    }
  }

  @Test
  void key_loneSurrogate_invalidUnicode() {
    assertThatThrownBy(() -> CHECK.key("k\ud800"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_UNICODE"));
    assertThat(CHECK.key("k\ud83d\ude00")).isEqualTo("k\ud83d\ude00");
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
