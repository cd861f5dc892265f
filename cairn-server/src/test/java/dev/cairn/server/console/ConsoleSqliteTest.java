package dev.cairn.server.console;

import dev.cairn.kv.KeyValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The console on a SQLite file and the memory key-value store (what {@code cairn serve} runs by default). */
class ConsoleSqliteTest extends ConsoleScenarios {
  @TempDir
  static Path directory;

  @Override
  String databaseUrl() {
    return "sqlite:" + directory.resolve("console.db");
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("console.db"));
  }

  @Override
  KeyValue openStore() {
    return KeyValue.open("memory:");
  }
}
