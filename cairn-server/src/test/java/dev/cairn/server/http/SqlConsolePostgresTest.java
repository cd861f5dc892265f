package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.testkit.PostgresService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL console on PostgreSQL (a private database of this class). */
class SqlConsolePostgresTest extends SqlConsoleConformance {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Override
  String databaseUrl() {
    return POSTGRES.url();
  }

  /** A DELETE hidden in a CTE under a SELECT is refused by the read-only transaction too. */
  @Test
  void dataModifyingCte_refused() {
    Response response = sql("WITH x AS (DELETE FROM console_items RETURNING *) SELECT * FROM x", null);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("READ_ONLY_QUERY");
    assertThat(itemCount()).isEqualTo(3);
  }

  /** A second statement that writes is refused as well. */
  @Test
  void multiStatement_writeRefused() {
    Response response = sql("SELECT 1; DELETE FROM console_items", null);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("MULTIPLE_STATEMENTS");
    assertThat(itemCount()).isEqualTo(3);
  }

  /**
   * Statements that end the read-only transaction first (COMMIT, ROLLBACK, END) cannot open a way for a write after
   * them: nothing is written.
   */
  @Test
  void transactionControlThenWrite_nothingWritten() {
    for (String escape : java.util.List.of("COMMIT; DELETE FROM console_items",
        "ROLLBACK; DELETE FROM console_items RETURNING id", "END; DELETE FROM console_items RETURNING id",
        "COMMIT; SET TRANSACTION READ WRITE; DELETE FROM console_items RETURNING id",
        "SELECT 1; COMMIT; BEGIN; DELETE FROM console_items RETURNING id")) {
      Response response = sql(escape, null);
      assertThat(response.status()).as(escape + " " + response.body()).isEqualTo(400);
      assertThat(itemCount()).as(escape).isEqualTo(3);
    }
  }

  /** Session settings a query changes are undone: the console's transaction always rolls back. */
  @Test
  void sessionSettings_doNotOutliveTheQuery() {
    assertThat(sql("select set_config('application_name', 'console-leak', false)", null).status()).isEqualTo(200);
    for (int i = 0; i < 10; i++) {
      Response response = sql("select current_setting('application_name') as name", null);
      assertThat(response.json().path("rows").get(0).get(0).asText()).isNotEqualTo("console-leak");
    }
  }

  /** A query past the time limit (here the database's 1 s query timeout) is cancelled: 400 QUERY_TIMEOUT. */
  @Test
  void slowQuery_cancelledAtTheLimit() {
    try (Database slow = Database.open(DatabaseConfig.of(POSTGRES.url()).withQueryTimeout(Duration.ofSeconds(1)));
        AdminServer limited = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0)
            .withAdminToken(TOKEN).withRequestPolicy(RequestPolicy.defaults()
                .withRequestTimeout(Duration.ofSeconds(20))), AdminStores.of(slow, store))) {
      Response response = new ApiClient(limited.url(), TOKEN).send("POST", "/api/v1/db/sql",
          "{\"sql\": \"select pg_sleep(30)\"}");
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.errorCode()).isEqualTo("QUERY_TIMEOUT");
    }
  }
}
