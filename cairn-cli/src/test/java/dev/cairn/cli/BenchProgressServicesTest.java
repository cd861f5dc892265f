package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testkit.PostgresService;
import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10: {@code cairn bench subject} (on Redis) and {@code cairn bench vector} (on PostgreSQL with pgvector)
 * off a terminal report each step and side as a plain line on stderr, the vector build each tenth of its vectors
 * too, and only result lines reach stdout.
 */
class BenchProgressServicesTest {
  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Test
  void benchSubject_notOnATerminal_oneLinePerPhaseOnStderr() {
    CliRun run = CliRun.of("bench", "subject", "--kv", REDIS.url());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).containsExactly("bench subject: subject.store100",
        "bench subject: subject.incr_contended", "bench subject: subject.get");
    assertThat(run.outLines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("subject."));
  }

  @Test
  void benchVector_notOnATerminal_linesPerStepAndSideAndTenthsOfTheBuild() {
    CliRun run = CliRun.of("bench", "vector", "--postgres", POSTGRES.url(), "--count", "1000", "--dimension", "8",
        "--seconds", "0.05");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).allSatisfy(line -> assertThat(line).startsWith("bench vector: "))
        .contains("bench vector: cairn build", "bench vector: cairn build 1000/1000", "bench vector: lucene build",
            "bench vector: lucene build 100/1000", "bench vector: lucene build 500/1000",
            "bench vector: lucene build 1000/1000", "bench vector: pgvector_jdbc build",
            "bench vector: cairn_pgvector build", "bench vector: cairn search_k10 recall",
            "bench vector: cairn search_k10 warm-up", "bench vector: cairn_pgvector search_filtered round 2/2",
            "bench vector: cairn upsert_single threads=1 warm-up",
            "bench vector: lucene_commit upsert_single threads=8 round 1/1");
    assertThat(run.err()).doesNotContain("\r", "[#");
    assertThat(run.outLines()).hasSize(5).allSatisfy(line -> assertThat(line).startsWith("vector."));
  }
}
