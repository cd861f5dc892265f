package dev.cairn.server.http;

import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API on MariaDB (a private database of this class) and the memory key-value store. */
class AdminApiMariaDbTest extends AdminApiConformance {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Override
  String databaseUrl() {
    return MARIADB.url();
  }

  @Override
  KeyValue openStore() {
    return KeyValue.open("memory:");
  }
}
