package dev.cairn.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

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

  /** One round: {@code cairn} and {@code jdbc} operations per second. */
  private static void round(Measurements measurements, String phase, int cairn, int jdbc) {
    measurements.add(phase, "cairn", cairn, 1_000_000_000L, 1L);
    measurements.add(phase, "jdbc", jdbc, 1_000_000_000L, 1L);
  }

  @Test
  void of_showsThePairOfRoundsWithTheMedianRatio_geometricMeansOfBothSides() {
    Measurements measurements = new Measurements();
    round(measurements, "page_first", 500, 2000); // pair 1: the JDBC side's lucky spell, ratio 0.5
    round(measurements, "page_first", 1000, 1000);
    round(measurements, "page_first", 900, 1000); // pair 2: ratio sqrt(0.9 * 1.0) = 0.95
    round(measurements, "page_first", 1000, 1000);
    round(measurements, "page_first", 2000, 1000); // a lone last round: ratio 2.0
    Measurements.Pick pick = measurements.median("page_first", "cairn", "jdbc");

    assertThat(pick.side()).isCloseTo(Math.sqrt(900 * 1000), offset(1e-6));
    assertThat(pick.peer()).isCloseTo(1000, offset(1e-6));
    assertThat(ResultLine.of(measurements, "page_first").format())
        .startsWith("sql.page_first cairn=949 jdbc=1000 ratio=0.95 ");
  }

  @Test
  void median_sideThatRunsSecondIsFaster_theOrderCancelsWithinAPair() {
    // Cairn runs first in odd rounds, JDBC in even ones, and the second side is 20% faster: the rounds' ratios
    // are 1/1.2, 1.2, 1/1.2, 1.2. One order's rounds alone would say 0.83 or 1.20; a pair says 1.00.
    Measurements measurements = new Measurements();
    round(measurements, "update_own_tx", 1000, 1200);
    round(measurements, "update_own_tx", 1200, 1000);
    round(measurements, "update_own_tx", 1000, 1200);
    round(measurements, "update_own_tx", 1200, 1000);

    assertThat(measurements.median("update_own_tx", "cairn", "jdbc").ratio())
        .isCloseTo(1.0, offset(1e-9));
  }

  @Test
  void median_ofAnEvenCountOfPairs_isTheLowerMiddle() {
    Measurements measurements = new Measurements();
    round(measurements, "bulk_insert", 1000, 1000); // pair ratio 1.00
    round(measurements, "bulk_insert", 1000, 1000);
    round(measurements, "bulk_insert", 500, 1000); // pair ratio 0.50
    round(measurements, "bulk_insert", 500, 1000);

    assertThat(ResultLine.of(measurements, "bulk_insert").ratio()).isCloseTo(0.5, offset(1e-9));
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
