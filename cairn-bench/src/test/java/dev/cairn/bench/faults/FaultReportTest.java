package dev.cairn.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultReportTest {

  @Test
  void line_issueFormatThenDetailsInOrder() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("killed", 1);
    details.put("integrity", "row 3 missing from index x");
    FaultReport report = new FaultReport("sqlite_kill9", 10, 8, 0, 1, 2, 250, details);

    assertThat(report.line()).isEqualTo("fault.sqlite_kill9 attempts=10 acked=8 lost=0 duplicated=1 false_failures=2"
        + " max_wait_ms=250 killed=1 integrity=row_3_missing_from_index_x");
  }

  @Test
  void clean_onlyWhenNothingLostDuplicatedOrFalselyFailed() {
    assertThat(new FaultReport("s", 1, 1, 0, 0, 0, 1, Map.of()).clean()).isTrue();
    assertThat(new FaultReport("s", 1, 1, 1, 0, 0, 1, Map.of()).clean()).isFalse();
    assertThat(new FaultReport("s", 1, 1, 0, 1, 0, 1, Map.of()).clean()).isFalse();
    assertThat(new FaultReport("s", 1, 1, 0, 0, 1, 1, Map.of()).clean()).isFalse();
  }

  @Test
  void count_numberOrMinusOne() {
    FaultReport report = new FaultReport("s", 0, 0, 0, 0, 0, 0, Map.of("kills", 2, "integrity", "ok"));
    assertThat(report.count("kills")).isEqualTo(2);
    assertThat(report.count("integrity")).isEqualTo(-1);
    assertThat(report.count("missing")).isEqualTo(-1);
  }
}
