package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.Id;
import dev.cairn.sql.Table;
import dev.cairn.sql.TableName;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import dev.cairn.subject.Subjects;
import dev.cairn.vector.VectorStore;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real responses of a started server (SQLite files, the memory key-value store, memory subjects, the embedded vector
 * store) validated against the OpenAPI document it serves ({@link OpenApiContract}): every GET route and the main
 * writes, status and body, so a field the server returns that the document does not describe, a wrong type or an
 * undocumented status fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiResponsesTest {
  @TableName("invoices")
  record Invoice(@Id Long id, String customer, long cents) {}

  @TempDir
  static Path directory;

  Databases registry;
  Database database;
  KeyValue store;
  Subjects subjects;
  VectorStore vectors;
  AdminServer server;
  ApiClient api;
  OpenApiContract contract;

  @BeforeAll
  void start() throws IOException {
    Path scripts = Files.createDirectories(directory.resolve("migrations").resolve("framework"));
    Files.writeString(scripts.resolve("V1__notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
    Files.writeString(scripts.resolve("U1__notes.sql"), "DROP TABLE notes;\n");
    registry = Databases.open(DatabasesConfig.of("sqlite:" + directory.resolve("data"))
        .withTables(Map.of("framework", List.of(), "billing", List.of(Invoice.class)))
        .withMigrationsDir(directory.resolve("migrations")));
    database = Database.open("sqlite:" + directory.resolve("main.db"));
    Table<ApiUser> users = database.table(ApiUser.class);
    users.create().orElseThrow();
    for (int i = 1; i <= 5; i++) {
      users.insert(new ApiUser(null, "user" + i, "user" + i + "@example.com", 30 + i, i % 2 == 0 ? null : "n" + i))
          .orElseThrow();
    }
    store = KeyValue.open("memory:");
    subjects = Subjects.inMemory();
    vectors = VectorStore.open("vector:" + directory.resolve("vectors"));
    server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store)
        .withSubjects(subjects).withVectors(vectors).withRegistry(registry));
    api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
    contract = new OpenApiContract(api.get("/api/v1/openapi.json").json());
    Response created = api.send("PUT", "/api/v1/vectors/docs", "{\"dimension\": 3}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {server, vectors, subjects, store, database, registry}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** {@code response} has {@code status} and conforms to the document's operation {@code method template}. */
  void assertConforms(String method, String template, Response response, int status) {
    assertThat(response.status()).as(method + " " + template + ": " + response.body()).isEqualTo(status);
    assertThat(contract.problems(method, template, response)).as(response.body()).isEmpty();
  }

  // The validator itself: an undocumented field, a wrong type and an undocumented status are all reported.

  @Test
  void contract_undocumentedFieldWrongTypeOrStatus_reported() {
    HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
    String template = "/api/v1/db/tables";

    assertThat(contract.problems("GET", template, new Response(200, "{\"success\": true, \"tables\": []}", json)))
        .isEmpty();
    assertThat(contract.problems("GET", template,
        new Response(200, "{\"success\": true, \"tables\": [], \"extra\": 1}", json))).singleElement()
        .asString().contains("extra");
    assertThat(contract.problems("GET", template, new Response(200, "{\"success\": true, \"tables\": [1]}", json)))
        .singleElement().asString().contains("/tables/0");
    assertThat(contract.problems("GET", template, new Response(418, "{}", json))).singleElement().asString()
        .contains("not documented");
  }

  // ops and console

  @Test
  void openApiDocument() {
    assertConforms("GET", "/api/v1/openapi.json", api.get("/api/v1/openapi.json"), 200);
  }

  @Test
  void metrics() {
    assertConforms("GET", "/metrics", api.get("/metrics"), 200);
  }

  @Test
  void consolePageAndFile() {
    Response page = api.get("/");
    assertConforms("GET", "/", page, 200);
    Matcher script = Pattern.compile("/console/[^/\"]+/[^/\"]+\\.js").matcher(page.body());
    assertThat(script.find()).as(page.body()).isTrue();
    assertConforms("GET", "/console/{version}/{file}", api.get(script.group()), 200);
  }

  @Test
  void health() {
    assertConforms("GET", "/health", api.get("/health"), 200);
  }

  // db

  @Test
  void dbStatus() {
    assertConforms("GET", "/api/v1/db/status", api.get("/api/v1/db/status"), 200);
  }

  @Test
  void dbReadiness() {
    assertConforms("GET", "/api/v1/db/is-ready", api.get("/api/v1/db/is-ready"), 200);
  }

  @Test
  void tables() {
    assertConforms("GET", "/api/v1/db/tables", api.get("/api/v1/db/tables"), 200);
    assertConforms("GET", "/api/v1/db/tables", api.get("/api/v1/db/tables?db=billing"), 200);
  }

  @Test
  void rows_pageThenCursor() {
    String template = "/api/v1/db/tables/{table}";
    String query = "/api/v1/db/tables/users?page_size=2&sort_by=-age,name&age=gte.30";
    Response first = api.get(query + "&page=1");
    assertConforms("GET", template, first, 200);
    String next = first.json().path("next").asText();
    assertThat(next).isNotEmpty();
    assertConforms("GET", template, api.get(query + "&cursor=" + ApiClient.encode(next)), 200);
  }

  @Test
  void tableSchema() {
    assertConforms("GET", "/api/v1/db/tables/{table}/schema", api.get("/api/v1/db/tables/users/schema"), 200);
  }

  @Test
  void rowInsertGetPatchDelete() {
    Response inserted = api.send("POST", "/api/v1/db/tables/users",
        "{\"name\": \"Ada\", \"email\": \"ada@example.com\", \"age\": 36, \"nickname\": null}");
    assertConforms("POST", "/api/v1/db/tables/{table}", inserted, 201);
    String row = "/api/v1/db/tables/users/rows/" + inserted.json().path("record").path("id").asLong();
    String template = "/api/v1/db/tables/{table}/rows/{id}";

    assertConforms("GET", template, api.get(row), 200);
    assertConforms("PATCH", template, api.send("PATCH", row, "{\"age\": 37}",
        Map.of("Idempotency-Key", "openapi-patch-1")), 200);
    assertConforms("DELETE", template, api.send("DELETE", row, null), 200);
  }

  @Test
  void databases() {
    assertConforms("GET", "/api/v1/db/databases", api.get("/api/v1/db/databases"), 200);
  }

  @Test
  void migrationStatus() {
    assertConforms("GET", "/api/v1/db/migrations/status", api.get("/api/v1/db/migrations/status?db=framework"),
        200);
  }

  @Test
  void migrations_generateRunDowngrade() {
    assertConforms("POST", "/api/v1/db/migrations/generate", api.send("POST",
        "/api/v1/db/migrations/generate?db=billing", "{\"message\": \"same\"}"), 200);
    assertConforms("POST", "/api/v1/db/migrations/run", api.send("POST", "/api/v1/db/migrations/run?db=framework",
        "{\"target\": \"head\"}"), 200);
    assertConforms("POST", "/api/v1/db/migrations/downgrade", api.send("POST",
        "/api/v1/db/migrations/downgrade?db=framework", "{\"target\": \"0\"}"), 200);
  }

  @Test
  void sql() {
    assertConforms("POST", "/api/v1/db/sql", api.send("POST", "/api/v1/db/sql",
        "{\"sql\": \"select id, name, nickname from users where age > ?\", \"params\": [30]}"), 200);
  }

  // kv

  @Test
  void kvSetDelete() {
    String template = "/api/v1/kv/keys/{key}";
    assertConforms("PUT", template, api.send("PUT", "/api/v1/kv/keys/openapi:a",
        "{\"value\": \"one\", \"ttl_seconds\": 60}"), 200);
    assertConforms("PUT", template, api.send("PUT", "/api/v1/kv/keys/openapi:b", "{\"value\": \"two\"}"), 200);
    assertConforms("DELETE", template, api.send("DELETE", "/api/v1/kv/keys/openapi:b", null), 200);
  }

  @Test
  void kvListGet() {
    api.send("PUT", "/api/v1/kv/keys/openapi:list", "{\"value\": \"x\", \"ttl_seconds\": 60}");
    assertConforms("GET", "/api/v1/kv/keys", api.get("/api/v1/kv/keys?prefix=openapi:&limit=10"), 200);
    assertConforms("GET", "/api/v1/kv/keys/{key}", api.get("/api/v1/kv/keys/openapi:list"), 200);
  }

  // subjects

  @Test
  void subjectSetAndDeleteProperty() {
    String template = "/api/v1/subjects/{name}/{property}";
    assertConforms("PUT", template, api.send("PUT", "/api/v1/subjects/device-1/temp", "{\"value\": 21.5}"), 200);
    assertConforms("PUT", template, api.send("PUT", "/api/v1/subjects/device-1/meta?ext=true",
        "{\"value\": {\"room\": \"kitchen\"}}"), 200);
    assertConforms("DELETE", template, api.send("DELETE", "/api/v1/subjects/device-1/temp", null), 200);
  }

  @Test
  void subjectGetAndDelete() {
    api.send("PUT", "/api/v1/subjects/device-2/temp", "{\"value\": 19}");
    assertConforms("GET", "/api/v1/subjects/{name}", api.get("/api/v1/subjects/device-2"), 200);
    assertConforms("DELETE", "/api/v1/subjects/{name}", api.send("DELETE", "/api/v1/subjects/device-2", null), 200);
  }

  // vectors

  @Test
  void vectorPutBatchDelete() {
    assertConforms("PUT", "/api/v1/vectors/{collection}/items/{id}", api.send("PUT",
        "/api/v1/vectors/docs/items/a", "{\"vector\": [1, 0, 0], \"metadata\": {\"lang\": \"en\", \"year\": 2021}}"),
        200);
    assertConforms("POST", "/api/v1/vectors/{collection}/items", api.send("POST", "/api/v1/vectors/docs/items",
        "{\"items\": [{\"id\": \"b\", \"vector\": [0, 1, 0]}, {\"id\": \"c\", \"vector\": [0, 0, 1], "
            + "\"metadata\": {\"draft\": true}}]}"), 200);
    assertConforms("DELETE", "/api/v1/vectors/{collection}/items/{id}",
        api.send("DELETE", "/api/v1/vectors/docs/items/c", null), 200);
  }

  @Test
  void vectorListCreateGetSearch() {
    assertConforms("PUT", "/api/v1/vectors/{collection}", api.send("PUT", "/api/v1/vectors/more",
        "{\"dimension\": 2, \"metric\": \"l2\"}"), 201);
    api.send("PUT", "/api/v1/vectors/docs/items/g", "{\"vector\": [1, 1, 0], \"metadata\": {\"lang\": \"fr\"}}");
    assertConforms("GET", "/api/v1/vectors", api.get("/api/v1/vectors"), 200);
    assertConforms("GET", "/api/v1/vectors/{collection}/items/{id}", api.get("/api/v1/vectors/docs/items/g"), 200);
    assertConforms("POST", "/api/v1/vectors/{collection}/search", api.send("POST", "/api/v1/vectors/docs/search",
        "{\"vector\": [1, 1, 0], \"k\": 2, \"filter\": {\"lang\": \"fr\"}}"), 200);
  }

  // errors

  @Test
  void errors() {
    assertConforms("GET", "/api/v1/db/tables/{table}", api.get("/api/v1/db/tables/nosuch"), 404);
    assertConforms("GET", "/api/v1/db/tables/{table}", api.get("/api/v1/db/tables/users?page_size=100000"), 400);
    assertConforms("GET", "/api/v1/db/tables", api.withToken(null).get("/api/v1/db/tables"), 401);
    assertConforms("POST", "/api/v1/db/tables/{table}", api.send("POST", "/api/v1/db/tables/users",
        "{\"name\": \"dup\", \"email\": \"user1@example.com\", \"age\": 1}"), 409);
    assertConforms("GET", "/api/v1/kv/keys/{key}", api.get("/api/v1/kv/keys/openapi:missing"), 404);
    assertConforms("GET", "/api/v1/subjects/{name}", api.get("/api/v1/subjects/nobody"), 404);
    assertConforms("GET", "/api/v1/vectors/{collection}/items/{id}", api.get("/api/v1/vectors/docs/items/zz"), 404);
    assertConforms("POST", "/api/v1/db/migrations/downgrade", api.send("POST", "/api/v1/db/migrations/downgrade",
        "{}"), 400);
  }
}
