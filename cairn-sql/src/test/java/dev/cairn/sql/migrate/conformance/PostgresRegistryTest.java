package dev.cairn.sql.migrate.conformance;

import dev.cairn.sql.Database;
import dev.cairn.testkit.PostgresService;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRegistryTest extends RegistryConformance {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @Override
  protected String databaseUrl() {
    return POSTGRES.url();
  }

  @Override
  protected void dropDatabases(List<String> physicalNames) {
    try (Database database = Database.open(POSTGRES.url())) {
      for (String schema : physicalNames) {
        database.execute("drop schema if exists \"" + schema + "\" cascade").orElseThrow();
      }
    }
  }
}
