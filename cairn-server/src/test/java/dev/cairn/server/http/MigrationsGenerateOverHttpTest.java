package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.testkit.MariaDbService;
import dev.cairn.testkit.PostgresService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/db/migrations/generate} writing a script (201) and {@code run {"target": "head"}} applying it,
 * on the served database itself, on SQLite, PostgreSQL and MariaDB (each its own database).
 */
class MigrationsGenerateOverHttpTest {
  @TableName("gadgets")
  record Gadget(@Id Long id, String label, long grams) {}

  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

  @TempDir
  Path directory;

  @Test
  void generate_sqlite_201ThenRunHead() throws Exception {
    generateRunAndAgain("sqlite:" + directory.resolve("app.db"));
  }

  @Test
  void generate_postgres_201ThenRunHead() throws Exception {
    generateRunAndAgain(POSTGRES.url());
  }

  @Test
  void generate_mariadb_201ThenRunHead() throws Exception {
    generateRunAndAgain(MARIADB.url());
  }

  private void generateRunAndAgain(String url) throws Exception {
    Path scripts = directory.resolve("migrations");
    try (Database database = Database.open(url);
        KeyValue store = KeyValue.open("memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store)
            .withMigrations(Migrations.of(database, "framework", scripts, List.of(Gadget.class))))) {
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);

      Response generated = api.send("POST", "/api/v1/db/migrations/generate", "{\"message\": \"add gadgets\"}");

      assertThat(generated.status()).as(generated.body()).isEqualTo(201);
      JsonNode body = generated.json();
      assertThat(body.path("success").asBoolean()).isTrue();
      assertThat(body.path("written").asBoolean()).isTrue();
      assertThat(body.path("version").asText()).isEqualTo("1");
      assertThat(body.path("script").asText()).isEqualTo("V1__add_gadgets.sql");
      assertThat(body.path("undo_script").asText()).isEqualTo("U1__add_gadgets.sql");
      assertThat(body.path("changes").toString()).contains("gadgets");
      assertThat(Files.readString(scripts.resolve("framework").resolve("V1__add_gadgets.sql")))
          .containsIgnoringCase("create table").contains("gadgets");

      Response run = api.send("POST", "/api/v1/db/migrations/run", "{\"target\": \"head\"}");
      assertThat(run.status()).as(run.body()).isEqualTo(200);
      assertThat(run.json().path("applied").toString()).isEqualTo("[\"1\"]");
      assertThat(api.get("/api/v1/db/tables").json().path("tables").toString()).contains("\"gadgets\"");

      Response again = api.send("POST", "/api/v1/db/migrations/generate", "{\"message\": \"nothing\"}");
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.json().path("written").asBoolean()).isFalse();
    }
  }
}
