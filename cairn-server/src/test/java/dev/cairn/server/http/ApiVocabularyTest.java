package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.sql.TableName;
import dev.cairn.sql.Id;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.vector.VectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One vocabulary over the whole admin API, on SQLite and memory: every GET route and a few writes answer in
 * snake_case (no record component name leaks as a key), every 2xx JSON object carries {@code "success": true} and
 * every error {@code "success": false}, pages are 20 by default and continue with {@code next}, never
 * {@code truncated}. The test data is snake_case too, so any camelCase key is the API's own.
 */
class ApiVocabularyTest {
  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z0-9][A-Z]");

  @TableName("gadgets")
  record Gadget(@Id Long id, String label, long weight_grams) {}

  @TempDir
  Path directory;

  @Test
  void everyRoute_snakeCaseSuccessAndNext() {
    try (Database database = Database.open("sqlite:" + directory.resolve("app.db"));
        KeyValue store = KeyValue.open("memory:");
        VectorStore vectors = VectorStore.open("vector::memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store)
            .withVectors(vectors)
            .withMigrations(Migrations.of(database, "framework", directory.resolve("migrations"),
                List.of(Gadget.class))))) {
      database.execute("CREATE TABLE owners (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL)").orElseThrow();
      database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owners(id), "
          + "body_text TEXT DEFAULT 'x', created_at TEXT)").orElseThrow();
      database.execute("CREATE INDEX notes_owner ON notes (owner_id)").orElseThrow();
      database.execute("INSERT INTO owners (id, full_name) VALUES (1, 'Ada')").orElseThrow();
      for (int i = 1; i <= 25; i++) {
        database.execute("INSERT INTO notes (id, owner_id, body_text) VALUES (?, 1, ?)", i, "n" + i).orElseThrow();
        store.set("key_" + i, "v");
      }
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
      List<ApiClient.Response> answers = new ArrayList<>();
      String token = "Idempotency-Key";
      answers.add(api.send("PUT", "/api/v1/subjects/user_1/full_name", "{\"value\": \"Ada\"}"));
      answers.add(api.send("PUT", "/api/v1/subjects/user_1/last_seen?ext=true", "{\"value\": \"today\"}"));
      answers.add(api.send("PUT", "/api/v1/vectors/docs", "{\"dimension\": 2}"));
      answers.add(api.send("PUT", "/api/v1/vectors/docs/items/a1", "{\"vector\": [1, 0], \"metadata\": {\"k\": 1}}"));
      answers.add(api.send("POST", "/api/v1/vectors/docs/search", "{\"vector\": [1, 0], \"k\": 1}"));
      answers.add(api.send("POST", "/api/v1/db/tables/owners", "{\"full_name\": \"Grace\"}", Map.of(token, "k-1")));
      answers.add(api.send("PUT", "/api/v1/kv/keys/written", "{\"value\": \"v\", \"ttl_seconds\": 60}"));
      answers.add(api.send("POST", "/api/v1/db/sql", "{\"sql\": \"select 1 as one\"}"));
      for (String path : List.of("/health", "/api/v1/db/status", "/api/v1/db/is-ready", "/api/v1/db/tables",
          "/api/v1/db/tables/notes", "/api/v1/db/tables/notes/schema", "/api/v1/db/tables/notes/rows/1",
          "/api/v1/kv/keys", "/api/v1/kv/keys/key_1", "/api/v1/subjects/user_1",
          "/api/v1/db/migrations/status", "/api/v1/vectors", "/api/v1/vectors/docs/items/a1")) {
        answers.add(api.get(path));
      }
      answers.add(api.send("POST", "/api/v1/db/migrations/generate", "{\"message\": \"gadgets\"}"));

      for (ApiClient.Response answer : answers) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        JsonNode json = answer.json();
        assertThat(json.path("success").isBoolean() && json.path("success").asBoolean()).as(answer.body()).isTrue();
        assertThat(json.has("truncated") && !json.has("elapsed_ms")).as(answer.body()).isFalse();
        assertSnakeCase(json, answer.body());
      }

      JsonNode schema = api.get("/api/v1/db/tables/notes/schema").json();
      assertThat(schema.path("columns").get(2).has("jdbc_type")).isTrue();
      assertThat(schema.path("columns").get(2).path("default_value").isMissingNode()).isFalse();
      assertThat(schema.path("foreign_keys").get(0).has("referenced_table")).isTrue();
      assertThat(api.get("/api/v1/subjects/user_1").json().path("ext_properties").path("last_seen").asText())
          .isEqualTo("today");
      JsonNode rows = api.get("/api/v1/db/tables/notes").json();
      assertThat(rows.path("page_size").asInt()).isEqualTo(20);
      assertThat(rows.path("records").size()).isEqualTo(20);
      assertThat(rows.path("next").isTextual()).isTrue();
      JsonNode keys = api.get("/api/v1/kv/keys").json();
      assertThat(keys.path("keys").size()).isBetween(1, 20);
      assertThat(keys.has("next")).isTrue();
    }
  }

  @Test
  void errors_successFalseBesideTheErrorFields() {
    try (Database database = Database.open("sqlite:" + directory.resolve("app.db"));
        KeyValue store = KeyValue.open("memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store))) {
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
      for (ApiClient.Response answer : List.of(api.get("/api/v1/db/tables/nosuch"), api.get("/api/v1/kv/keys/nokey"),
          api.get("/api/v1/nosuch"), api.get("/api/v1/db/tables/x?page_size=100000"),
          api.get("/api/v1/subjects/nobody"), api.get("/api/v1/vectors"),
          api.send("POST", "/api/v1/db/sql", "{\"sql\": \"select * from nosuch\"}"),
          api.withToken(null).get("/api/v1/db/tables"))) {
        JsonNode json = answer.json();

        assertThat(answer.status()).as(answer.body()).isGreaterThanOrEqualTo(400);
        assertThat(json.path("success").isBoolean() && !json.path("success").asBoolean()).as(answer.body()).isTrue();
        assertThat(json.path("error").path("code").asText()).as(answer.body()).isNotEmpty();
        assertSnakeCase(json, answer.body());
      }
    }
  }

  private static void assertSnakeCase(JsonNode node, String body) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        assertThat(CAMEL_CASE.matcher(field.getKey()).find()).as("camelCase key '%s' in %s", field.getKey(), body)
            .isFalse();
        assertSnakeCase(field.getValue(), body);
      }
    } else if (node.isArray()) {
      node.forEach(element -> assertSnakeCase(element, body));
    }
  }
}
