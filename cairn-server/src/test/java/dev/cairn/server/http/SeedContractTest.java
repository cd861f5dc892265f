package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's REST contract (the database module's section, see DESIGN.md and issues 5 and 10), path by path and key
 * by key, with {@code "target": "head"}, {@code initialization}, {@code schema_definition}, the seed's error detail
 * names and multi-column sorting. Cairn's own extra keys may be present; the seed's must be.
 */
class SeedContractTest {
  @TableName("notes")
  record Note(@Id Long id, String body) {}

  @TempDir
  Path directory;

  private Database database;
  private Databases registry;
  private KeyValue store;
  private AdminServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    database = Database.open("sqlite:" + directory.resolve("app.db"));
    database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)").orElseThrow();
    database.execute("INSERT INTO users (name, age) VALUES ('cy', 25), ('ann', 30), ('di', 25), ('bob', 30)")
        .orElseThrow();
    registry = Databases.open(DatabasesConfig.of("sqlite:" + directory.resolve("named"))
        .withTables(Map.of("framework", List.of())));
    store = KeyValue.open("memory:");
    server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store)
        .withRegistry(registry)
        .withMigrations(Migrations.of(database, "framework", directory.resolve("migrations"), List.of(Note.class))));
    api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
    registry.close();
    database.close();
  }

  @Test
  void status_seedKeysWithInitialization() {
    JsonNode status = ok(api.get("/api/v1/db/status"));

    assertThat(status.path("status").asText()).isEqualTo("connected");
    assertKeys(status, "status", "engine", "tables", "table_count", "initialization");
    assertThat(status.path("table_count").asInt()).isEqualTo(1);
    assertThat(status.path("initialization").isObject()).isTrue();
    assertThat(status.path("initialization").path("initialized").asBoolean()).isTrue();
    assertThat(status.path("initialization").path("status").asText()).isEqualTo("completed");
  }

  @Test
  void isReady_readyAndStatus() {
    JsonNode ready = ok(api.get("/api/v1/db/is-ready"));

    assertThat(ready.path("ready").asBoolean()).isTrue();
    assertThat(ready.path("status").asText()).isEqualTo("ready");
  }

  @Test
  void tables_successAndTables() {
    JsonNode tables = ok(api.get("/api/v1/db/tables"));

    assertThat(tables.path("success").asBoolean()).isTrue();
    assertThat(tables.path("tables").toString()).isEqualTo("[\"users\"]");
  }

  @Test
  void rows_seedQueryStringWithEmptyParameters_seedKeys() {
    JsonNode page = ok(api.get(
        "/api/v1/db/tables/users?page=1&page_size=20&sort_by=&sort_desc=&filter_column=&filter_value="));

    assertKeys(page, "success", "table", "page", "page_size", "total_records", "records");
    assertThat(page.path("table").asText()).isEqualTo("users");
    assertThat(page.path("page").asInt()).isEqualTo(1);
    assertThat(page.path("page_size").asInt()).isEqualTo(20);
    assertThat(page.path("total_records").asInt()).isEqualTo(4);
    assertThat(page.path("records")).hasSize(4);
  }

  @Test
  void rows_seedSortAndFilter() {
    assertThat(names(ok(api.get("/api/v1/db/tables/users?sort_by=name&sort_desc=true"))))
        .containsExactly("di", "cy", "bob", "ann");
    assertThat(names(ok(api.get("/api/v1/db/tables/users?filter_column=age&filter_value=25&sort_by=name"))))
        .containsExactly("cy", "di");
  }

  @Test
  void rows_multiColumnSort_commaSeparatedAndRepeated() {
    List<String> expected = List.of("di", "cy", "bob", "ann");

    assertThat(names(ok(api.get("/api/v1/db/tables/users?sort_by=age,-name")))).isEqualTo(expected);
    assertThat(names(ok(api.get("/api/v1/db/tables/users?sort_by=age&sort_by=-name")))).isEqualTo(expected);
    assertThat(names(ok(api.get("/api/v1/db/tables/users?sort_by=-age,name"))))
        .containsExactly("ann", "bob", "cy", "di");
    AdminApiConformance.expectError(api.get("/api/v1/db/tables/users?sort_by=age,,name"), 400,
        "INVALID_PARAMETER");
    AdminApiConformance.expectError(api.get("/api/v1/db/tables/users?sort_by=age,-nope"), 400,
        "COLUMN_NOT_FOUND");
  }

  @Test
  void schema_schemaDefinition() {
    JsonNode schema = ok(api.get("/api/v1/db/tables/users/schema"));

    assertKeys(schema, "success", "table", "columns", "primary_key", "schema_definition");
    JsonNode definition = schema.path("schema_definition");
    assertThat(definition.path("table_name").asText()).isEqualTo("users");
    assertThat(definition.path("primary_key").toString()).isEqualTo("[\"id\"]");
    JsonNode columns = definition.path("columns");
    assertThat(columns.fieldNames()).toIterable().containsExactly("id", "name", "age");
    assertThat(columns.path("id").path("primary_key").asBoolean()).isTrue();
    assertThat(columns.path("name").path("nullable").asBoolean()).isFalse();
    assertThat(columns.path("age").path("nullable").asBoolean()).isTrue();
    assertKeys(columns.path("name"), "type", "nullable", "default", "primary_key");
  }

  @Test
  void errors_envelopeWithSeedAndCairnDetailNames() {
    Response missing = api.get("/api/v1/db/tables/nope");

    AdminApiConformance.expectError(missing, 404, "TABLE_NOT_FOUND");
    JsonNode error = missing.json().path("error");
    assertKeys(error, "code", "message", "module", "details");
    JsonNode details = error.path("details");
    assertThat(details.path("table_name").asText()).isEqualTo("nope");
    assertThat(details.path("available_tables").toString()).isEqualTo("[\"users\"]");
    assertThat(details.path("table").asText()).isEqualTo("nope");
    assertThat(details.path("available").toString()).isEqualTo("[\"users\"]");
    JsonNode schema = api.get("/api/v1/db/tables/nope/schema").json().path("error").path("details");
    assertThat(schema.path("available_tables").toString()).isEqualTo("[\"users\"]");
  }

  @Test
  void migrations_statusGenerateRunHeadDowngradeAndDatabases() {
    JsonNode status = ok(api.get("/api/v1/db/migrations/status"));
    assertKeys(status, "success", "status");

    Response generated = api.send("POST", "/api/v1/db/migrations/generate", "{\"message\": \"add notes\"}");
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    assertKeys(generated.json(), "success", "written", "version", "script", "message");

    JsonNode run = ok(api.send("POST", "/api/v1/db/migrations/run", "{\"target\": \"head\"}"));
    assertThat(run.path("success").asBoolean()).isTrue();
    assertThat(run.path("applied").toString()).isEqualTo("[\"1\"]");
    assertThat(ok(api.send("POST", "/api/v1/db/migrations/run", "{\"target\": \"head\"}")).path("applied"))
        .isEmpty();

    JsonNode undone = ok(api.send("POST", "/api/v1/db/migrations/downgrade", "{\"target\": \"0\"}"));
    assertThat(undone.path("undone").toString()).isEqualTo("[\"1\"]");

    JsonNode databases = ok(api.get("/api/v1/db/databases"));
    assertKeys(databases, "success", "databases");
    AdminApiConformance.expectError(api.send("POST", "/api/v1/db/migrations/run", "{\"target\": \"tail\"}"), 400,
        "INVALID_TARGET");
  }

  private static JsonNode ok(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static void assertKeys(JsonNode node, String... keys) {
    List<String> present = new ArrayList<>();
    node.fieldNames().forEachRemaining(present::add);
    assertThat(present).as(node.toString()).contains(keys);
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("records").forEach(row -> names.add(row.path("name").asText()));
    return names;
  }
}
