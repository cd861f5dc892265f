package dev.cairn.server.http;

import static dev.cairn.server.http.AdminApiConformance.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import dev.cairn.subject.Subjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry side of the admin API on SQLite files: {@code ?db=}, databases and the migrations endpoints. */
class AdminApiRegistryTest {
  @TableName("invoices")
  record Invoice(@Id Long id, String customer, long cents) {}

  @TempDir
  Path directory;

  @Test
  void registry_databasesDbParameterAndMigrations() throws IOException {
    Path scripts = Files.createDirectories(directory.resolve("migrations").resolve("framework"));
    Files.writeString(scripts.resolve("V1__notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
    Files.writeString(scripts.resolve("U1__notes.sql"), "DROP TABLE notes;\n");
    DatabasesConfig config = DatabasesConfig.of("sqlite:" + directory.resolve("data"))
        .withTables(Map.of("framework", List.of(), "billing", List.of(Invoice.class)))
        .withMigrationsDir(directory.resolve("migrations"));
    try (Databases registry = Databases.open(config);
        Database main = Database.open("sqlite:" + directory.resolve("main.db"));
        KeyValue store = KeyValue.open("memory:");
        Subjects subjects = Subjects.inMemory();
        AdminServer server = AdminServer.start(AdminApiConformance.writable(),
            AdminStores.of(main, store).withSubjects(subjects).withRegistry(registry))) {
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);

      assertThat(api.get("/api/v1/db/databases").json().path("databases").toString())
          .contains("\"billing\"", "\"framework\"");
      assertThat(api.get("/api/v1/db/tables?db=billing").json().path("tables").toString()).contains("invoices");
      assertThat(api.get("/api/v1/db/tables").json().path("tables").toString()).doesNotContain("invoices");
      Response created = api.send("POST", "/api/v1/db/tables/invoices?db=billing",
          "{\"customer\": \"ACME\", \"cents\": 1200}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      expectError(api.get("/api/v1/db/tables?db=nope"), 404, "DATABASE_NOT_FOUND");

      JsonNode pending = api.get("/api/v1/db/migrations/status?db=framework").json().path("status");
      assertThat(pending.path("migrations").get(0).path("state").asText()).isEqualTo("PENDING");
      Response run = api.send("POST", "/api/v1/db/migrations/run?db=framework", "{}");
      assertThat(run.json().path("applied").toString()).as(run.body()).isEqualTo("[\"1\"]");
      assertThat(api.get("/api/v1/db/tables?db=framework").json().path("tables").toString()).contains("notes");
      assertThat(api.get("/api/v1/db/migrations/status").json().path("status").path("current").asText())
          .isEqualTo("1");

      Response nothing = api.send("POST", "/api/v1/db/migrations/generate?db=billing", "{\"message\": \"same\"}");
      assertThat(nothing.status()).as(nothing.body()).isEqualTo(200);
      assertThat(nothing.json().path("written").asBoolean()).isFalse();
      expectError(api.send("POST", "/api/v1/db/migrations/generate", "{}"), 400, "MESSAGE_REQUIRED");
      expectError(api.send("POST", "/api/v1/db/migrations/downgrade", "{}"), 400, "TARGET_REQUIRED");

      Response undone = api.send("POST", "/api/v1/db/migrations/downgrade", "{\"target\": \"0\"}");
      assertThat(undone.json().path("undone").toString()).as(undone.body()).isEqualTo("[\"1\"]");
      assertThat(api.get("/api/v1/db/tables?db=framework").json().path("tables").toString()).doesNotContain("notes");
      expectError(api.get("/api/v1/db/migrations/status?db=nope"), 404, "DATABASE_NOT_FOUND");
    }
  }

  @Test
  void noRegistry_namedDatabasesAndMigrations404() {
    try (Database main = Database.open("sqlite:" + directory.resolve("main.db"));
        KeyValue store = KeyValue.open("memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(main, store))) {
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
      expectError(api.get("/api/v1/db/tables?db=billing"), 404, "DATABASE_NOT_FOUND");
      expectError(api.get("/api/v1/db/databases"), 404, "DATABASE_NOT_FOUND");
      expectError(api.get("/api/v1/db/migrations/status"), 404, "DATABASE_NOT_FOUND");
    }
  }
}
