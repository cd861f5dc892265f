package dev.cairn.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresTest extends ServerBehaviour {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";
  private static String name;

  @BeforeAll
  static void createDatabase() {
    ServerDatabases.assumeListening(5432);
    name = ServerDatabases.freshName();
    ServerDatabases.execute(ADMIN, "postgres", "create database " + name);
  }

  @AfterAll
  static void dropDatabase() {
    if (name != null) {
      ServerDatabases.execute(ADMIN, "postgres", "drop database if exists " + name + " with (force)");
    }
  }

  @Override
  Database open() {
    return Database.open("postgresql://postgres@127.0.0.1:5432/" + name);
  }
}
