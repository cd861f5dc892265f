package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.testkit.RedisService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON conventions the CLI shares with the HTTP API: snake_case keys, {@code "success": true}, pages of 20 by
 * default, and {@code next} as the continuation, given back with {@code --cursor}.
 */
class CliJsonConventionsTest {
  @RegisterExtension
  static final RedisService REDIS = new RedisService();
  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z0-9][A-Z]");

  @TempDir
  Path dir;

  private String db() {
    String url = "sqlite:" + dir.resolve("app.db");
    try (Database db = Database.open(url)) {
      db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body_text TEXT NOT NULL DEFAULT 'x')")
          .orElseThrow();
      for (int i = 1; i <= 25; i++) {
        db.execute("INSERT OR IGNORE INTO notes (id, body_text) VALUES (?, ?)", i, "note " + i).orElseThrow();
      }
    }
    return url;
  }

  @Test
  void dbRows_pagesOf20_nextGivenBackAsCursor() {
    String url = db();

    JsonNode first = CliRun.of("db", "rows", "notes", "--sort", "id", "--json", "--db", url).json();
    String next = first.path("next").asText();
    JsonNode second = CliRun.of("db", "rows", "notes", "--sort", "id", "--json", "--cursor", next, "--db", url).json();

    assertThat(first.path("success").asBoolean()).isTrue();
    assertThat(first.path("page_size").asInt()).isEqualTo(20);
    assertThat(first.path("records").size()).isEqualTo(20);
    assertThat(first.has("truncated")).isFalse();
    assertThat(next).isNotBlank();
    assertThat(second.path("records").size()).isEqualTo(5);
    assertThat(second.path("records").get(0).path("id").asInt()).isEqualTo(21);
    assertThat(second.path("next").isNull()).isTrue();
    assertSnakeCase(first);
  }

  @Test
  void dbRows_human_endsWithTheNextCursorHint() {
    String url = db();

    CliRun run = CliRun.of("db", "rows", "notes", "--sort", "id", "--db", url);
    String next = CliRun.of("db", "rows", "notes", "--sort", "id", "--json", "--db", url).json().path("next").asText();

    assertThat(run.code()).isZero();
    assertThat(run.outLines().getLast()).contains("--cursor " + next);
  }

  @Test
  void dbSchema_json_snakeCaseAndSuccess() {
    JsonNode schema = CliRun.of("db", "schema", "notes", "--json", "--db", db()).json();

    assertThat(schema.path("success").asBoolean()).isTrue();
    assertThat(schema.path("columns").get(1).has("jdbc_type")).isTrue();
    assertThat(schema.path("columns").get(1).path("default_value").isMissingNode()).isFalse();
    assertThat(schema.has("row_count") || schema.has("primary_key")).isTrue();
    assertSnakeCase(schema);
  }

  @Test
  void dbStatusAndTables_json_snakeCaseAndSuccess() {
    String url = db();
    for (String command : List.of("status", "tables")) {
      JsonNode json = CliRun.of("db", command, "--json", "--db", url).json();

      assertThat(json.path("success").asBoolean()).as(command).isTrue();
      assertSnakeCase(json);
    }
  }

  @Test
  void migrateStatus_json_snakeCaseAndSuccess() {
    JsonNode status = CliRun.of("migrate", "status", "--json", "--db", db(), "--dir",
        dir.resolve("none").toString()).json();

    assertThat(status.path("success").asBoolean()).isTrue();
    assertSnakeCase(status);
  }

  @Test
  void kvKeys_pagesOf20_nextGivenBackAsCursor_everyKeyOnce() {
    String prefix = REDIS.keyPrefix();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      for (int i = 0; i < 45; i++) {
        kv.set(prefix + "k" + i, "v");
      }
      Set<String> seen = new HashSet<>();
      List<JsonNode> pages = new ArrayList<>();
      String cursor = null;
      do {
        List<String> args = new ArrayList<>(List.of("kv", "keys", "--json", "--kv", REDIS.url(), "--prefix", prefix));
        if (cursor != null) {
          args.addAll(List.of("--cursor", cursor));
        }
        JsonNode page = CliRun.of(args.toArray(String[]::new)).json();
        pages.add(page);
        page.path("keys").forEach(key -> seen.add(key.asText()));
        cursor = page.path("next").isNull() ? null : page.path("next").asText();
      } while (cursor != null && pages.size() < 100);

      assertThat(seen).hasSize(45);
      assertThat(pages.getFirst().path("success").asBoolean()).isTrue();
      assertThat(pages.getFirst().has("truncated")).isFalse();
      assertThat(pages.getFirst().path("keys").size()).isLessThanOrEqualTo(30);
      assertThat(pages.size()).isGreaterThan(1);
    } finally {
      try (KeyValue kv = KeyValue.open(REDIS.url())) {
        kv.withPrefix(prefix).deletePrefix("");
      }
    }
  }

  @Test
  void kvKeys_human_endsWithTheNextCursorHint() {
    String prefix = REDIS.keyPrefix();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      for (int i = 0; i < 30; i++) {
        kv.set(prefix + "h" + i, "v");
      }
      CliRun run = CliRun.of("kv", "keys", "--limit", "5", "--kv", REDIS.url(), "--prefix", prefix);

      assertThat(run.code()).isZero();
      assertThat(run.out() + run.err()).contains("--cursor ");
    } finally {
      try (KeyValue kv = KeyValue.open(REDIS.url())) {
        kv.withPrefix(prefix).deletePrefix("");
      }
    }
  }

  /** No key of the JSON, at any depth, in camelCase (the test's data is snake_case too). */
  static void assertSnakeCase(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        assertThat(CAMEL_CASE.matcher(field.getKey()).find()).as("camelCase key '%s' in %s", field.getKey(), node)
            .isFalse();
        assertSnakeCase(field.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(CliJsonConventionsTest::assertSnakeCase);
    }
  }
}
