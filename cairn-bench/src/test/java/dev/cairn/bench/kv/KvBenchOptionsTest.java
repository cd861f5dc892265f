package dev.cairn.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KvBenchOptionsTest {
  private static final String URL = "redis://127.0.0.1:6379";

  @Test
  void defaults_theIssuesWorkload() {
    KvBenchOptions defaults = KvBenchOptions.defaults(URL);

    assertThat(defaults).isEqualTo(new KvBenchOptions(URL, 50, 200_000, 50_000, 64, true,
        EnumSet.allOf(KvBenchOptions.Part.class)));
  }

  @Test
  void withOps_coordinationRunsAQuarter() {
    assertThat(KvBenchOptions.defaults(URL).withOps(8_000).coordinationOps()).isEqualTo(2_000);
  }

  @Test
  void withOps_quarterBelowThreads_oneCoordinationOpPerThread() {
    assertThat(KvBenchOptions.defaults(URL).withOps(100).coordinationOps()).isEqualTo(50);
  }

  @Test
  void withThreads_moreThreadsThanCoordinationOps_raisesThem() {
    KvBenchOptions options = KvBenchOptions.defaults(URL).withOps(400).withThreads(200);

    assertThat(options.threads()).isEqualTo(200);
    assertThat(options.coordinationOps()).isEqualTo(200);
  }

  @Test
  void new_fewerOpsThanThreads_invalidOption() {
    assertThatThrownBy(() -> new KvBenchOptions(URL, 50, 10, 100, 64, false, EnumSet.allOf(KvBenchOptions.Part.class)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessage("ops must be at least 50, got 10");
  }

  @Test
  void withThreads_zero_invalidOption() {
    assertThatThrownBy(() -> KvBenchOptions.defaults(URL).withThreads(0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessage("threads must be at least 1, got 0");
  }

  @Test
  void only_memory_runsTheMemoryPartAlone() {
    KvBenchOptions options = KvBenchOptions.defaults(URL).only(KvBenchOptions.Part.named("Memory"));

    assertThat(options.parts()).containsExactly(KvBenchOptions.Part.MEMORY);
    assertThat(options.runs(KvBenchOptions.Part.REDIS)).isFalse();
  }

  @Test
  void partNamed_unknown_invalidOptionNamingTheParts() {
    assertThatThrownBy(() -> KvBenchOptions.Part.named("disk"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessage("no part of the kv workload is called 'disk'; there are redis, memory");
  }

  @Test
  void new_noPart_invalidOption() {
    assertThatThrownBy(() -> new KvBenchOptions(URL, 50, 200_000, 50_000, 64, false, Set.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"));
  }
}
