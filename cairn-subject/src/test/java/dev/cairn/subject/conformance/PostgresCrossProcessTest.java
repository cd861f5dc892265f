package dev.cairn.subject.conformance;

import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCrossProcessTest extends CrossProcessIncrements {
  @RegisterExtension static final PostgresService POSTGRES = new PostgresService();

  @Override
  protected String storageUrl() {
    return POSTGRES.url();
  }
}
