package dev.cairn.sql;

import java.nio.file.Path;
import java.util.UUID;

class SqliteFileTest extends DatabaseBehaviour {
  @Override
  Database open() {
    String build = System.getenv().getOrDefault("CAIRN_BUILD_DIR", "target");
    return Database.open("sqlite:" + Path.of(build, "sqlite-test", UUID.randomUUID() + "/app.db"));
  }
}
