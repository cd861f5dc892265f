package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DbCommandsPostgresTest extends DbCommandsBehaviour {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Override
  String url() {
    return POSTGRES.url();
  }

  @Test
  void status_postgres_showsDialectAndServerVersion() {
    CliRun run = CliRun.of("db", "status", "--db", url());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("dialect:         postgresql").containsPattern("server version:  .*1\\d");
  }
}
