package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class SqlBenchOptionsTest {

  @Test
  void withRows_belowHundred_invalidOption() {
    assertThatThrownBy(() -> SqlBenchOptions.defaults(null).withRows(99))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("rows");
  }

  @Test
  void withRounds_zero_invalidOption() {
    assertThatThrownBy(() -> SqlBenchOptions.defaults(null).withRounds(0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("rounds");
  }
}
