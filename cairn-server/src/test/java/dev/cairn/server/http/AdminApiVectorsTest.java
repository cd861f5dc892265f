package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.vector.VectorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code /api/v1/vectors} endpoints on the embedded vector store in a directory. */
class AdminApiVectorsTest {
  static final String TOKEN = "test-admin-token";

  @TempDir
  static Path directory;

  static Database database;
  static KeyValue store;
  static VectorStore vectors;
  static AdminServer server;
  static ApiClient api;

  @BeforeAll
  static void start() {
    database = Database.open("sqlite:" + directory.resolve("api.db"));
    store = KeyValue.open("memory:");
    vectors = VectorStore.open("vector:" + directory.resolve("vectors"));
    server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN),
        AdminStores.of(database, store).withVectors(vectors));
    api = new ApiClient(server.url(), TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
    vectors.close();
    store.close();
    database.close();
  }

  @Test
  void createUpsertSearchGetDelete_roundTrip() {
    assertThat(api.send("PUT", "/api/v1/vectors/docs", "{\"dimension\": 3, \"metric\": \"cosine\"}").status())
        .isEqualTo(201);
    assertThat(api.send("PUT", "/api/v1/vectors/docs/items/a",
        "{\"vector\": [1, 0, 0], \"metadata\": {\"lang\": \"en\", \"year\": 2021}}").status()).isEqualTo(200);
    ApiClient.Response batch = api.send("POST", "/api/v1/vectors/docs/items", "{\"items\": ["
        + "{\"id\": \"b\", \"vector\": [0.9, 0.1, 0], \"metadata\": {\"lang\": \"de\", \"year\": 2019}},"
        + "{\"id\": \"c\", \"vector\": [0, 1, 0], \"metadata\": {\"lang\": \"en\", \"year\": 2024}}]}");
    assertThat(batch.json().path("written").asInt()).isEqualTo(2);

    JsonNode all = api.send("POST", "/api/v1/vectors/docs/search", "{\"vector\": [1, 0, 0], \"k\": 2}").json();
    assertThat(all.path("matches")).hasSize(2);
    assertThat(all.path("matches").get(0).path("id").asText()).isEqualTo("a");
    assertThat(all.path("matches").get(0).path("score").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(all.path("matches").get(1).path("id").asText()).isEqualTo("b");

    JsonNode filtered = api.send("POST", "/api/v1/vectors/docs/search",
        "{\"vector\": [1, 0, 0], \"k\": 5, \"filter\": {\"lang\": \"en\", \"year\": {\"gte\": 2022}}}").json();
    assertThat(filtered.path("matches")).hasSize(1);
    assertThat(filtered.path("matches").get(0).path("id").asText()).isEqualTo("c");
    assertThat(filtered.path("matches").get(0).path("metadata").path("year").asInt()).isEqualTo(2024);

    JsonNode item = api.get("/api/v1/vectors/docs/items/b").json();
    assertThat(item.path("vector").get(0).floatValue()).isEqualTo(0.9f);
    assertThat(item.path("metadata").path("lang").asText()).isEqualTo("de");

    JsonNode listed = api.get("/api/v1/vectors").json();
    assertThat(listed.path("collections").get(0).path("name").asText()).isEqualTo("docs");
    assertThat(listed.path("collections").get(0).path("count").asInt()).isEqualTo(3);
    assertThat(listed.path("collections").get(0).path("metric").asText()).isEqualTo("cosine");

    assertThat(api.send("DELETE", "/api/v1/vectors/docs/items/b", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/vectors/docs/items/b").errorCode()).isEqualTo("VECTOR_NOT_FOUND");
    assertThat(api.send("DELETE", "/api/v1/vectors/docs/items/b", null).status()).isEqualTo(404);
  }

  @Test
  void badInput_400WithCodeAndNothingWritten() {
    api.send("PUT", "/api/v1/vectors/strict", "{\"dimension\": 2, \"metric\": \"l2\"}");

    ApiClient.Response wrong = api.send("PUT", "/api/v1/vectors/strict/items/x", "{\"vector\": [1, 2, 3]}");
    ApiClient.Response metric = api.send("PUT", "/api/v1/vectors/other", "{\"dimension\": 2, \"metric\": \"hamming\"}");
    ApiClient.Response missing = api.send("POST", "/api/v1/vectors/nope/search", "{\"vector\": [1, 2], \"k\": 1}");
    ApiClient.Response batch = api.send("POST", "/api/v1/vectors/strict/items", "{\"items\": ["
        + "{\"id\": \"ok\", \"vector\": [1, 2]}, {\"id\": \"bad\", \"vector\": [1]}]}");
    ApiClient.Response filter = api.send("POST", "/api/v1/vectors/strict/search",
        "{\"vector\": [1, 2], \"filter\": {\"n\": {\"between\": [1, 2]}}}");
    ApiClient.Response duplicate = api.send("PUT", "/api/v1/vectors/strict", "{\"dimension\": 2}");

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.errorCode()).isEqualTo("WRONG_DIMENSION");
    assertThat(metric.status()).isEqualTo(400);
    assertThat(metric.errorCode()).isEqualTo("UNKNOWN_METRIC");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("COLLECTION_NOT_FOUND");
    assertThat(batch.status()).isEqualTo(400);
    assertThat(batch.errorCode()).isEqualTo("WRONG_DIMENSION");
    assertThat(filter.errorCode()).isEqualTo("INVALID_FILTER");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(api.get("/api/v1/vectors/strict/items/ok").status()).isEqualTo(404);
  }

  @Test
  void search_onReadOnlyServer_answered_writesRefused() {
    api.send("PUT", "/api/v1/vectors/ro", "{\"dimension\": 2, \"metric\": \"l2\"}");
    api.send("PUT", "/api/v1/vectors/ro/items/a", "{\"vector\": [1, 2]}");
    try (AdminServer readOnly = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0)
        .withAdminToken(TOKEN).withReadOnly(true), AdminStores.of(database, store).withVectors(vectors))) {
      ApiClient client = new ApiClient(readOnly.url(), TOKEN);

      assertThat(client.send("POST", "/api/v1/vectors/ro/search", "{\"vector\": [1, 2], \"k\": 1}").json()
          .path("matches").get(0).path("id").asText()).isEqualTo("a");
      assertThat(client.send("PUT", "/api/v1/vectors/ro/items/b", "{\"vector\": [1, 2]}").status()).isEqualTo(403);
      assertThat(new ApiClient(readOnly.url(), null).send("POST", "/api/v1/vectors/ro/search",
          "{\"vector\": [1, 2], \"k\": 1}").status()).isEqualTo(401);
    }
  }
}
