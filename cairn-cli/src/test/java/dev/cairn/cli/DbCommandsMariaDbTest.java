package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DbCommandsMariaDbTest extends DbCommandsBehaviour {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Override
  String url() {
    return MARIADB.url();
  }

  @Test
  void status_mariadb_showsDialect() {
    CliRun run = CliRun.of("db", "status", "--db", url());

    assertThat(run.code()).isZero();
    assertThat(run.out()).containsPattern("dialect:         (mariadb|mysql)");
  }
}
