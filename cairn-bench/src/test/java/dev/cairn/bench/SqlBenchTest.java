package dev.cairn.bench;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Runs the real workload, small, on a temporary SQLite file; checks the output, never the speed. */
class SqlBenchTest {

  @Test
  void run_smallSqliteWorkload_printsOneLinePerPhaseWithPositiveFigures() {
    BenchRun.of(new SqlBenchOptions(null, 500, 1, false)).assertPhaseLines();
  }

  @Test
  void run_somePhases_runsThoseAndBulkInsertOnly() {
    BenchRun run = BenchRun.of(new SqlBenchOptions(null, 200, 1, false, Set.of("get_by_id", "update_own_tx")));

    assertThat(run.exit()).as("exit code, stderr: %s", run.err()).isZero();
    assertThat(run.out().lines().map(line -> line.substring(0, line.indexOf(' '))).toList())
        .containsExactly("sql.bulk_insert", "sql.get_by_id", "sql.update_own_tx");
  }

  @Test
  void run_theNewestFirstPhases_printsThePageDeepLine() {
    BenchRun run = BenchRun.of(new SqlBenchOptions(null, 200, 1, false,
        Set.of("page_first", "page_deep_offset", "page_deep_keyset")));

    assertThat(run.exit()).as("exit code, stderr: %s", run.err()).isZero();
    assertThat(run.out().lines().map(line -> line.substring(0, line.indexOf(' '))).toList())
        .containsExactly("sql.bulk_insert", "sql.page_first", "sql.page_deep_offset", "sql.page_deep_keyset",
            "sql.page_deep");
  }

  @Test
  void run_defaultDatabase_deletesItsTemporaryDirectory() throws IOException {
    Set<Path> before = benchDirectories();

    BenchRun.of(new SqlBenchOptions(null, 100, 1, false)).assertPhaseLines();

    assertThat(benchDirectories()).isSubsetOf(before);
  }

  private static Set<Path> benchDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(path -> path.getFileName().toString().startsWith("cairn-bench-")).collect(toSet());
    }
  }

  @Test
  void run_unreachableServer_printsOneLineAndFails() {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    BenchRun run = BenchRun.of(new SqlBenchOptions("postgresql://bench:secret-pw@127.0.0.1:1/test", 100, 1, false));

    assertThat(run.exit()).isEqualTo(SqlBench.EXIT_FAILED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().satisfies(line -> {
      assertThat(line).startsWith("cairn bench sql: ").contains("127.0.0.1");
      assertThat(line).doesNotContain("secret-pw").doesNotContain("Exception");
    });
  }

  @Test
  void run_keyValueUrl_isRefusedAsInvalid() {
    BenchRun run = BenchRun.of(new SqlBenchOptions("redis://127.0.0.1:6379", 100, 1, false));

    assertThat(run.exit()).isEqualTo(SqlBench.EXIT_INVALID);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().asString().startsWith("cairn bench sql: ");
  }

  @Test
  void run_sqliteMemory_isRefusedAsInvalid() {
    BenchRun run = BenchRun.of(new SqlBenchOptions("sqlite::memory:", 100, 1, false));

    assertThat(run.exit()).isEqualTo(SqlBench.EXIT_INVALID);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().asString().contains("in-memory");
  }
}
