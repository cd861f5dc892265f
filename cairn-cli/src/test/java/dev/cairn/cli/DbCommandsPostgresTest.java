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

  /** Issue 11: a psql-made table with jsonb and text[] shows its values as JSON, in a table and with --json. */
  @Test
  void rows_jsonbAndArrays_shownAsJson() throws Exception {
    try (java.sql.Connection psql = dev.cairn.testkit.TestSupport.connect(dev.cairn.core.StoreUrl.parse(url()));
        java.sql.Statement statement = psql.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS cli_events");
      statement.execute("CREATE TABLE cli_events (id bigserial PRIMARY KEY, payload jsonb, tags text[],"
          + " created_at timestamptz DEFAULT now())");
      statement.execute("INSERT INTO cli_events (payload, tags) VALUES ('{\"user\": {\"roles\": [\"admin\"]},"
          + " \"n\": 1}', ARRAY['t1', 't2'])");
    }

    CliRun table = CliRun.of("db", "rows", "cli_events", "--db", url());
    CliRun json = CliRun.of("db", "rows", "cli_events", "--db", url(), "--json");
    System.out.println("[issue-11] cairn db rows cli_events\n" + table.out() + "[issue-11] cairn db rows cli_events"
        + " --json\n" + json.out());

    assertThat(table.code()).isZero();
    // jsonb keeps keys in its own order (shorter first).
    assertThat(table.out()).contains("{\"n\":1,\"user\":{\"roles\":[\"admin\"]}}").contains("[\"t1\",\"t2\"]");
    assertThat(json.code()).isZero();
    var record = dev.cairn.core.Json.tree(json.out()).path("records").path(0);
    assertThat(record.path("payload").path("user").path("roles").path(0).asText()).isEqualTo("admin");
    assertThat(record.path("tags").toString()).isEqualTo("[\"t1\",\"t2\"]");
  }

  @Test
  void status_postgres_showsDialectAndServerVersion() {
    CliRun run = CliRun.of("db", "status", "--db", url());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("dialect:         postgresql").containsPattern("server version:  .*1\\d");
  }
}
