package dev.cairn.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseLineTest {
  @Test
  void toString_figuresRoundedAndMissingOnesDashed() {
    PhaseLine line = new PhaseLine("kv.set").with("cairn", 1234.5).with("jedis", (Double) null).with("redisson", 0.4);

    assertThat(line).hasToString("kv.set cairn=1235 jedis=- redisson=0");
  }

  @Test
  void toString_allocationColumnsAfterTheRates() {
    PhaseLine line = new PhaseLine("kv.memory.set").with("cairn", new Figure(1000.4, 95.6))
        .with("map", new Figure(2000, null)).with("jedis", (Figure) null).with("redis_benchmark", 3000.0);

    assertThat(line).hasToString("kv.memory.set cairn=1000 map=2000 jedis=- redis_benchmark=3000"
        + " cairn_alloc_b_op=96 map_alloc_b_op=- jedis_alloc_b_op=-");
  }
}
