package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.http.ApiClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL console on a SQLite file. */
class SqlConsoleSqliteTest extends SqlConsoleConformance {
  @TempDir
  static Path directory;

  @Override
  String databaseUrl() {
    return "sqlite:" + directory.resolve("console.db");
  }

  /** A second statement after a harmless one is not run, or refused: either way nothing is deleted. */
  @Test
  void multiStatement_deletesNothing() {
    Response response = sql("SELECT 1; DELETE FROM console_items", null);
    assertThat(response.status()).as(response.body()).isIn(200, 400);
    assertThat(itemCount()).isEqualTo(3);
  }

  /** query_only is switched off again after the console's transaction: the database still takes writes. */
  @Test
  void afterAConsoleQuery_writesStillWork() {
    for (int i = 0; i < 5; i++) {
      sql("DELETE FROM console_items", null);
      sql("SELECT * FROM console_items", null);
    }
    database.execute("INSERT INTO console_tags (item_id, tag) VALUES (2, 'tmp')").orElseThrow();
    database.execute("DELETE FROM console_tags WHERE tag = 'tmp'").orElseThrow();
  }
}
