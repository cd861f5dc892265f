package dev.cairn.kv.coord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdTest {

  @Test
  void next_laterMillisecond_startsSequenceAtZero() {
    assertThat(new StreamId(100, 7).next(101)).isEqualTo(new StreamId(101, 0));
  }

  @Test
  void next_sameOrEarlierMillisecond_keepsTimeAndIncrementsSequence() {
    StreamId id = new StreamId(100, 7);

    assertThat(id.next(100)).isEqualTo(new StreamId(100, 8));
    assertThat(id.next(90)).as("a clock that stepped back").isEqualTo(new StreamId(100, 8));
  }

  @Test
  void compareTo_ordersByTimeThenSequenceAsRedis() {
    assertThat(new StreamId(100, 9)).isLessThan(new StreamId(101, 0));
    assertThat(new StreamId(100, 2)).isLessThan(new StreamId(100, 10));
  }

  @Test
  void parse_roundTripsToString() {
    assertThat(StreamId.parse("1700000000000-12")).isEqualTo(new StreamId(1_700_000_000_000L, 12));
    assertThat(new StreamId(5, 3).toString()).isEqualTo("5-3");
  }
}
