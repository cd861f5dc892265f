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

  @Test
  void withPhases_unknownName_invalidOptionNamingThePhasesOnOneLine() {
    assertThatThrownBy(() -> SqlBenchOptions.defaults(null).withPhases(java.util.Set.of("get_by_id", "nope\nx")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("'nope?x'")
        .hasMessageContaining(String.join(", ", SqlBenchOptions.phaseNames()))
        .message().doesNotContain("\n");
  }

  @Test
  void phaseNames_bulkInsertFirst_everyPhaseOnce() {
    assertThat(SqlBenchOptions.phaseNames()).startsWith("bulk_insert").doesNotHaveDuplicates().hasSize(9);
    assertThat(SqlBenchOptions.defaults(null).withPhases(java.util.Set.of("get_by_id")).phases())
        .containsExactly("get_by_id");
  }
}
