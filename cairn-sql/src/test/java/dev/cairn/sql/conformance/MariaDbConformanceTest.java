package dev.cairn.sql.conformance;

import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbConformanceTest extends DatabaseConformance implements ServerConformance, ServerOutcomeConformance,
    OtherSchemaConformance {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Override
  protected String databaseUrl() {
    return MARIADB.url();
  }
}
