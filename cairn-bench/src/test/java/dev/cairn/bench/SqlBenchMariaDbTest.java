package dev.cairn.bench;

import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workload on MariaDB, small, in a database of its own that the testkit drops afterwards. */
class SqlBenchMariaDbTest {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Test
  void run_smallWorkload_printsFiveLinesAndDropsItsTables() {
    ServerCleanup.assertRunsAndCleansUp(MARIADB.url());
  }
}
