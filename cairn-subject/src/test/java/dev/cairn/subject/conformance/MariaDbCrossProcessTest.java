package dev.cairn.subject.conformance;

import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbCrossProcessTest extends CrossProcessIncrements {
  @RegisterExtension static final MariaDbService MARIADB = new MariaDbService();

  @Override
  protected String storageUrl() {
    return MARIADB.url();
  }
}
