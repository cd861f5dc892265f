package dev.cairn.sql.migrate.conformance;

import dev.cairn.sql.Database;
import dev.cairn.testkit.MariaDbService;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbRegistryTest extends RegistryConformance {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @Override
  protected String databaseUrl() {
    return MARIADB.url();
  }

  @Override
  protected void dropDatabases(List<String> physicalNames) {
    try (Database database = Database.open(MARIADB.url())) {
      for (String name : physicalNames) {
        database.execute("drop database if exists `" + name + "`").orElseThrow();
      }
    }
  }
}
