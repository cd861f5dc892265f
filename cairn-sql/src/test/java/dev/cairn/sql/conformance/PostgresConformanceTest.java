package dev.cairn.sql.conformance;

import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresConformanceTest extends DatabaseConformance implements ServerConformance, ServerOutcomeConformance,
    OtherSchemaConformance {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Override
  protected String databaseUrl() {
    return POSTGRES.url();
  }
}
