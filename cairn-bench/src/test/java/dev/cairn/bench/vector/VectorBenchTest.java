package dev.cairn.bench.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testkit.PostgresService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A small run of the vector benchmark prints its five lines with every side measured, allocation included. */
class VectorBenchTest {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Test
  void run_small_printsBuildAndSearchLines() throws Exception {
    List<String> lines = new ArrayList<>();
    VectorBenchOptions options = new VectorBenchOptions(2_000, 16, 16, 64, 20, 2, 0.2, POSTGRES.url());

    VectorBench.run(options, lines::add);

    assertThat(lines).hasSize(5);
    String allocations = " cairn_alloc_b_op=\\d+ lucene_alloc_b_op=\\d+ pgvector_jdbc_alloc_b_op=\\d+"
        + " cairn_pgvector_alloc_b_op=\\d+";
    assertThat(lines.get(0)).matches("vector\\.build cairn=\\d+ lucene=\\d+ pgvector_jdbc=\\d+ cairn_pgvector=\\d+ "
        + "bytes_per_vector=\\d+/\\d+/\\d+/\\d+ segments=\\d+/\\d+" + allocations);
    assertThat(lines.get(1)).startsWith("vector.search_k10 cairn=").contains(" recall=", " ef_search=", " ratio=")
        .containsPattern(allocations + "$");
    assertThat(lines.get(2)).startsWith("vector.search_filtered cairn=").containsPattern(allocations + "$");
    assertThat(lines.get(1)).doesNotContain("=0 ");
    assertThat(lines.get(3)).matches("vector\\.upsert_single cairn=\\d+ lucene_nocommit=\\d+ lucene_commit=\\d+ threads=1"
        + " cairn_alloc_b_op=\\d+ lucene_nocommit_alloc_b_op=\\d+ lucene_commit_alloc_b_op=\\d+");
    assertThat(lines.get(4)).contains(" threads=2 ");
  }
}
