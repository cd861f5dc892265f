package dev.cairn.kv.coord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowLogTest {

  @Test
  void dropUpTo_removesTimesAtOrBeforeThresholdIncludingRepeats() {
    WindowLog log = new WindowLog();
    log.add(10);
    log.add(10);
    log.add(20);
    log.add(30);

    log.dropUpTo(20);

    assertThat(log.size()).isEqualTo(1);
    assertThat(log.timeAt(0)).isEqualTo(30);
  }

  @Test
  void timeAt_countsRepeatedTimesByRank() {
    WindowLog log = new WindowLog();
    log.add(30);
    log.add(10);
    log.add(10);

    assertThat(log.timeAt(0)).isEqualTo(10);
    assertThat(log.timeAt(1)).isEqualTo(10);
    assertThat(log.timeAt(2)).isEqualTo(30);
  }
}
