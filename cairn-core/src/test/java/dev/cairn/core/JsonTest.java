package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void tree_nestedPastTheLimit_jsonTooDeep() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> Json.tree(deep))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("JSON_TOO_DEEP");
    assertThatThrownBy(() -> Json.read(deep, List.class))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("JSON_TOO_DEEP");
  }

  @Test
  void tree_atTheLimit_read() {
    int depth = Json.MAX_NESTING_DEPTH;
    assertThat(Json.tree("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();
  }

  @Test
  void tree_numberPastTheLimit_jsonTooLarge() {
    assertThatThrownBy(() -> Json.tree("[" + "9".repeat(Json.MAX_NUMBER_LENGTH + 1) + "]"))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("JSON_TOO_LARGE");
  }
}
