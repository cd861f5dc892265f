package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL console on MariaDB (a private database of this class). */
class SqlConsoleMariaDbTest extends SqlConsoleConformance {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Override
  String databaseUrl() {
    return MARIADB.url();
  }

  /** A SET of a session variable does not stay on the pooled connection for later queries. */
  @Test
  void sessionSettings_doNotOutliveTheQuery() {
    Response set = sql("SET SESSION wait_timeout = 12345", null);
    for (int i = 0; i < 10; i++) {
      Response response = sql("SELECT @@session.wait_timeout AS t", null);
      assertThat(response.json().path("rows").get(0).get(0).asLong()).as(set.body()).isNotEqualTo(12345);
    }
  }
}
