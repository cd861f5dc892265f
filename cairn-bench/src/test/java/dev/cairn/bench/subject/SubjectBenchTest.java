package dev.cairn.bench.subject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testkit.RedisService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tiny run: the three lines in the format, each Cairn beside raw Lettuce with a ratio and both sides'
 * allocation per operation, one round trip per store, no lost increment.
 */
class SubjectBenchTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void run_smallWorkload_printsThreeLinesWithOneRoundTripAndNothingLost() {
    List<String> printed = new ArrayList<>();
    List<String> lines = SubjectBench.run(new SubjectBenchOptions(REDIS.url(), 5, 10, 20, 4, 40), printed::add);

    assertThat(printed).isEqualTo(lines);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("subject\\.store100 cairn=\\d+ lettuce_hset=\\d+ cairn_alloc_b_op=\\d+"
        + " lettuce_hset_alloc_b_op=\\d+ round_trips=1 ratio=\\d+\\.\\d\\d");
    assertThat(lines.get(1)).matches("subject\\.incr_contended cairn=\\d+ lettuce_hincrby=\\d+ cairn_alloc_b_op=\\d+"
        + " lettuce_hincrby_alloc_b_op=\\d+ lost=0 ratio=\\d+\\.\\d\\d");
    assertThat(lines.get(2)).matches("subject\\.get cairn=\\d+ lettuce_hget=\\d+ cairn_alloc_b_op=\\d+"
        + " lettuce_hget_alloc_b_op=\\d+ ratio=\\d+\\.\\d\\d");
  }
}
