package dev.cairn.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class MariaDbTest extends ServerBehaviour {
  private static final String ADMIN = "jdbc:mariadb://127.0.0.1:3306/test";
  private static String name;

  @BeforeAll
  static void createDatabase() {
    ServerDatabases.assumeListening(3306);
    name = ServerDatabases.freshName();
    ServerDatabases.execute(ADMIN, "root", "create database " + name);
  }

  @AfterAll
  static void dropDatabase() {
    if (name != null) {
      ServerDatabases.execute(ADMIN, "root", "drop database if exists " + name);
    }
  }

  @Override
  Database open() {
    return Database.open("mariadb://root@127.0.0.1:3306/" + name);
  }
}
