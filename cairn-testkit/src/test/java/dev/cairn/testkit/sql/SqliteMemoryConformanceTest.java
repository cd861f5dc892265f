package dev.cairn.testkit.sql;

class SqliteMemoryConformanceTest extends DatabaseConformance {

  @Override
  protected String databaseUrl() {
    return "sqlite::memory:";
  }
}
