package dev.cairn.sql;

class SqliteMemoryTest extends DatabaseBehaviour {
  @Override
  Database open() {
    return Database.open("sqlite::memory:");
  }
}
