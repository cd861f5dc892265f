package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code module} of an error body names the part that failed: a Cairn exception thrown by a route's own work is
 * the route's module ({@code cairn.db}, {@code cairn.kv}, {@code cairn.subject}); one thrown by the server's own
 * machinery around it (the Idempotency-Key bookkeeping) is {@code cairn.server}.
 */
class ErrorModulesTest {
  private static final String TOKEN = "error-modules-token";
  private Database database;
  private KeyValue store;
  private AdminServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    database = Database.open("sqlite::memory:");
    database.execute("create table users (id integer primary key, age integer)").orElseThrow();
    store = KeyValue.open("memory:");
    server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN),
        AdminStores.of(database, store));
    api = new ApiClient(server.url(), TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
    database.close();
  }

  @Test
  void filterRefusedByTheParser_moduleDb() {
    assertError(api.get("/api/v1/db/tables/users?age=between.1"), "UNKNOWN_OPERATOR", "cairn.db");
  }

  @Test
  void failureOfTheStore_moduleKv() {
    store.close();
    assertError(api.get("/api/v1/kv/keys/k"), "KV_CLOSED", "cairn.kv");
    assertError(api.get("/api/v1/kv/keys?prefix=k"), "KV_CLOSED", "cairn.kv");
    assertError(api.send("PUT", "/api/v1/kv/keys/k", "{\"value\": \"v\"}"), "KV_CLOSED", "cairn.kv");
  }

  @Test
  void failureOfTheSubjects_moduleSubject() {
    assertError(api.send("DELETE", "/api/v1/subjects/nobody/p", null), "PROPERTY_NOT_FOUND", "cairn.subject");
  }

  @Test
  void failureOfTheIdempotencyBookkeeping_moduleServer() {
    store.close();
    Response response = api.send("PUT", "/api/v1/subjects/s/p", "{\"value\": 1}", Map.of("Idempotency-Key", "k1"));
    assertError(response, "KV_CLOSED", "cairn.server");
  }

  private static void assertError(Response response, String code, String module) {
    JsonNode error = response.json().path("error");
    assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
    assertThat(error.path("module").asText()).as(response.body()).isEqualTo(module);
  }
}
