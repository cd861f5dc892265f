package dev.cairn.sql.conformance;

class SqliteMemoryConformanceTest extends DatabaseConformance {

  @Override
  protected String databaseUrl() {
    return "sqlite::memory:";
  }
}
