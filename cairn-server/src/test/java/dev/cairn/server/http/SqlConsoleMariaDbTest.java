package dev.cairn.server.http;

import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL console on MariaDB (a private database of this class). */
class SqlConsoleMariaDbTest extends SqlConsoleConformance {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Override
  String databaseUrl() {
    return MARIADB.url();
  }
}
