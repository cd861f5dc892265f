package dev.cairn.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultLineTest {

  @Test
  void format_roundsFiguresAndRatioFromUnroundedValues() {
    ResultLine line = new ResultLine("get_by_id", 1234.6, 1000.4);

    assertThat(line.format())
        .isEqualTo("sql.get_by_id cairn=1235 jdbc=1000 ratio=1.23 cairn_alloc_b_op=- jdbc_alloc_b_op=-");
  }

  @Test
  void of_reportsTheLeastAllocationOfEachSide() {
    Measurements measurements = new Measurements();
    measurements.add("get_by_id", "cairn", 10, 1_000L, 1L, 900.4);
    measurements.add("get_by_id", "cairn", 10, 1_000L, 1L, 700.6);
    measurements.add("get_by_id", "jdbc", 10, 1_000L, 1L, 500.0);

    assertThat(ResultLine.of(measurements, "get_by_id").format())
        .endsWith(" cairn_alloc_b_op=701 jdbc_alloc_b_op=500");
  }

  @Test
  void of_showsTheRoundWithTheMedianRatio_bothSidesOfIt() {
    Measurements measurements = new Measurements();
    // Round ratios 500/2000 = 0.25 (the JDBC side's lucky spell), 1000/1000 = 1.00, 900/1000 = 0.90.
    measurements.add("page_first", "cairn", 1000, 2_000_000_000L, 1L); // 500 ops/s
    measurements.add("page_first", "jdbc", 1000, 500_000_000L, 1L); // 2000 ops/s
    measurements.add("page_first", "cairn", 1000, 1_000_000_000L, 1L); // 1000 ops/s
    measurements.add("page_first", "jdbc", 1000, 1_000_000_000L, 1L); // 1000 ops/s
    measurements.add("page_first", "cairn", 900, 1_000_000_000L, 1L); // 900 ops/s
    measurements.add("page_first", "jdbc", 1000, 1_000_000_000L, 1L); // 1000 ops/s

    assertThat(measurements.medianRatioRound("page_first", "cairn", "jdbc")).isEqualTo(2);
    assertThat(ResultLine.of(measurements, "page_first").format())
        .startsWith("sql.page_first cairn=900 jdbc=1000 ratio=0.90 ");
  }

  @Test
  void medianRatioRound_ofAnEvenCount_isTheLowerMiddle() {
    Measurements measurements = new Measurements();
    measurements.add("bulk_insert", "cairn", 1000, 1_000_000_000L, 1L); // ratio 1.00
    measurements.add("bulk_insert", "jdbc", 1000, 1_000_000_000L, 1L);
    measurements.add("bulk_insert", "cairn", 500, 1_000_000_000L, 1L); // ratio 0.50
    measurements.add("bulk_insert", "jdbc", 1000, 1_000_000_000L, 1L);

    assertThat(measurements.medianRatioRound("bulk_insert", "cairn", "jdbc")).isEqualTo(1);
    assertThat(ResultLine.of(measurements, "bulk_insert").ratio()).isEqualTo(0.5);
  }

  @Test
  void rounds_listEveryRunInOrder_wallClockAndCpuApart() {
    Measurements measurements = new Measurements();
    measurements.add("update_own_tx", "jdbc", 100, 1_000_000_000L, 250_000_000L);
    measurements.add("update_own_tx", "jdbc", 100, 500_000_000L, 200_000_000L);

    assertThat(measurements.rounds("update_own_tx", "jdbc")).isEqualTo("[100, 200]");
    assertThat(measurements.cpuRounds("update_own_tx", "jdbc")).isEqualTo("[400, 500]");
  }

  @Test
  void best_unmeasuredSide_fails() {
    Measurements measurements = new Measurements();
    measurements.add("get_by_id", "cairn", 10, 1_000L, 1L);

    assertThatThrownBy(() -> measurements.best("get_by_id", "jdbc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc");
  }
}
