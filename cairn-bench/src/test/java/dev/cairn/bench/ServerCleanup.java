package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Database;

/** Checks shared by the server tests. */
final class ServerCleanup {
  private ServerCleanup() {}

  /** Runs a small workload on {@code url}: the same lines as on SQLite, and no {@code bench_} table left behind. */
  static void assertRunsAndCleansUp(String url) {
    BenchRun.of(new SqlBenchOptions(url, 200, 1, false)).assertPhaseLines();

    try (Database database = Database.open(url)) {
      assertThat(database.schema().tables().orElseThrow()).noneMatch(table -> table.startsWith("bench_"));
    }
  }
}
