package dev.cairn.server.http;

import dev.cairn.kv.KeyValue;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The admin API on a SQLite file and the memory key-value store (what {@code cairn serve} runs by default). */
class AdminApiSqliteTest extends AdminApiConformance {
  @TempDir
  static Path directory;

  @Override
  String databaseUrl() {
    return "sqlite:" + directory.resolve("api.db");
  }

  @Override
  KeyValue openStore() {
    return KeyValue.open("memory:");
  }
}
