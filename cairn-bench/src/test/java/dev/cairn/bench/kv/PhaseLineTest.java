package dev.cairn.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseLineTest {
  @Test
  void toString_figuresRoundedAndMissingOnesDashed() {
    PhaseLine line = new PhaseLine("kv.set").with("cairn", 1234.5).with("jedis", null).with("redisson", 0.4);

    assertThat(line).hasToString("kv.set cairn=1235 jedis=- redisson=0");
  }
}
