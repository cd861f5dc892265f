package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: {@code cairn bench sql} off a terminal reports each step as a plain line on stderr. */
class BenchProgressTest {
  @TempDir
  Path dir;

  @Test
  void benchSql_notOnATerminal_oneLinePerStepOnStderrAndCleanJson() {
    CliRun run = CliRun.of("bench", "sql", "--db", "sqlite:" + dir.resolve("bench.db"), "--rows", "100",
        "--rounds", "1", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("bench sql: "))
        .contains("bench sql: cairn bulk_insert warm-up", "bench sql: jdbc bulk_insert warm-up",
            "bench sql: cairn bulk_insert round 1/1");
    assertThat(run.err()).doesNotContain("\r", "[#");
    assertThat(run.outLines()).isNotEmpty().allSatisfy(line -> assertThat(Json.tree(line).isObject()).isTrue());
  }

  @Test
  void benchSql_noProgress_nothingOnStderr() {
    CliRun run = CliRun.of("bench", "sql", "--db", "sqlite:" + dir.resolve("bench.db"), "--rows", "100",
        "--rounds", "1", "--no-progress");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("sql."));
  }
}
