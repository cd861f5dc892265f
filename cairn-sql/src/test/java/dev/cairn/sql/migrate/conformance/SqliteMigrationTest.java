package dev.cairn.sql.migrate.conformance;

import java.util.List;

class SqliteMigrationTest extends MigrationConformance {
  @Override
  protected String databaseUrl() {
    return "sqlite:" + workDir.resolve("data");
  }

  @Override
  protected void dropDatabases(List<String> physicalNames) {
    // The files live under the test's temporary directory, which JUnit deletes.
  }

  @Override
  protected String dialectName() {
    return "sqlite";
  }
}
