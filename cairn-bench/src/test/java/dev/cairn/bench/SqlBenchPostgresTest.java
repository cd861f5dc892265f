package dev.cairn.bench;

import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workload on Postgres, small, in a database of its own that the testkit drops afterwards. */
class SqlBenchPostgresTest {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Test
  void run_smallWorkload_printsFiveLinesAndDropsItsTables() {
    ServerCleanup.assertRunsAndCleansUp(POSTGRES.url());
  }
}
