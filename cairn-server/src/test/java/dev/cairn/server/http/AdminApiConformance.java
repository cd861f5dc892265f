package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.Table;
import dev.cairn.subject.Subjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * End-to-end tests of the admin API on a started server (random free port), written once and run per backend by
 * the {@code AdminApi*Test} classes. The server has a token and allows writes; other configurations are started
 * where a test needs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminApiConformance {
  static final String TOKEN = "test-admin-token";
  static final int USERS = 45;

  Database database;
  KeyValue store;
  Subjects subjects;
  AdminServer server;
  ApiClient api;

  /** The database URL of this backend. */
  abstract String databaseUrl();

  /** The key-value store of this backend (a prefixed view on a shared server). */
  abstract KeyValue openStore();

  /** The subjects of this backend; memory unless the backend has a Redis. */
  Subjects openSubjects() {
    return Subjects.inMemory();
  }

  /** Closes what {@link #openStore()} opened. */
  void closeStore() {
    store.close();
  }

  @BeforeAll
  void startServer() {
    database = Database.open(databaseUrl());
    store = openStore();
    Table<ApiUser> users = database.table(ApiUser.class);
    users.create().orElseThrow();
    for (int i = 1; i <= USERS; i++) {
      users.insert(new ApiUser(null, "user" + i, "user" + i + "@example.com", 20 + i % 10,
          i % 3 == 0 ? null : "nick" + i)).orElseThrow();
    }
    subjects = openSubjects();
    server = AdminServer.start(writable(), AdminStores.of(database, store).withSubjects(subjects));
    api = new ApiClient(server.url(), TOKEN);
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (subjects != null) {
      subjects.close();
    }
    if (store != null) {
      closeStore();
    }
    if (database != null) {
      database.close();
    }
  }

  static AdminConfig writable() {
    return AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN);
  }

  @Test
  void status_connected() {
    JsonNode status = api.get("/api/v1/db/status").json();
    assertThat(status.path("status").asText()).isEqualTo("connected");
    assertThat(status.path("tables").toString()).contains("\"users\"");
    assertThat(status.path("table_count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(status.path("engine").asText()).doesNotContain("password").isNotEmpty();
  }

  @Test
  void isReady_ready() {
    Response response = api.get("/api/v1/db/is-ready");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("ready").asBoolean()).isTrue();
    assertThat(response.json().path("status").asText()).isEqualTo("ready");
  }

  @Test
  void tables_listsUsers() {
    JsonNode tables = api.get("/api/v1/db/tables").json();
    assertThat(tables.path("success").asBoolean()).isTrue();
    assertThat(tables.path("tables").toString()).contains("\"users\"");
  }

  @Test
  void schema_describesColumns() {
    JsonNode schema = api.get("/api/v1/db/tables/users/schema").json();
    assertThat(schema.path("primary_key").get(0).asText()).isEqualTo("id");
    assertThat(schema.path("columns").findValuesAsText("name")).contains("id", "name", "email", "age", "nickname");
    assertThat(api.get("/api/v1/db/tables/nope/schema").errorCode()).isEqualTo("TABLE_NOT_FOUND");
  }

  @Test
  void rows_seedParameters_pageSortFilter() {
    JsonNode page = api.get("/api/v1/db/tables/users?page=2&page_size=10&sort_by=id&sort_desc=true").json();
    assertThat(page.path("success").asBoolean()).isTrue();
    assertThat(page.path("page").asInt()).isEqualTo(2);
    assertThat(page.path("page_size").asInt()).isEqualTo(10);
    assertThat(page.path("total_records").asLong()).isGreaterThanOrEqualTo(USERS - 1);
    assertThat(page.path("records")).hasSize(10);
    long first = page.path("records").get(0).path("id").asLong();
    long second = page.path("records").get(1).path("id").asLong();
    assertThat(first).isGreaterThan(second);
    JsonNode filtered = api.get("/api/v1/db/tables/users?filter_column=name&filter_value=user7").json();
    assertThat(filtered.path("records")).hasSize(1);
    assertThat(filtered.path("records").get(0).path("email").asText()).isEqualTo("user7@example.com");
  }

  /** The console sorts on several columns (shift-click): sort_by=a,b with one sort_desc or one per column. */
  @Test
  void rows_sortOnSeveralColumns() {
    JsonNode page = api.get("/api/v1/db/tables/users?page_size=1000&sort_by=age,name&sort_desc=true,false").json();
    List<String> keys = new ArrayList<>();
    page.path("records").forEach(row -> keys.add("%03d|%s".formatted(100 - row.path("age").asInt(),
        row.path("name").asText())));
    assertThat(keys).hasSizeGreaterThan(10).isSorted();
    JsonNode bothDescending = api.get("/api/v1/db/tables/users?page_size=5&sort_by=age,name&sort_desc=true").json();
    assertThat(bothDescending.path("records").get(0).path("age").asInt())
        .isEqualTo(page.path("records").get(0).path("age").asInt());
    // the keyset cursor follows both keys: walking it sees every row once
    Set<Long> seen = new HashSet<>();
    String cursor = "";
    do {
      JsonNode step = api.get("/api/v1/db/tables/users?page_size=6&sort_by=age,name&sort_desc=false,true&cursor="
          + ApiClient.encode(cursor)).json();
      step.path("records").forEach(row -> assertThat(seen.add(row.path("id").asLong())).isTrue());
      cursor = step.path("next").isNull() ? null : step.path("next").asText();
    } while (cursor != null && seen.size() < 10_000);
    assertThat(seen).hasSize(page.path("records").size());
    expectError(api.get("/api/v1/db/tables/users?sort_by=age,name&sort_desc=true,false,true"), 400,
        "INVALID_PARAMETER");
    expectError(api.get("/api/v1/db/tables/users?sort_by=age,,name"), 400, "INVALID_PARAMETER");
    expectError(api.get("/api/v1/db/tables/users?sort_by=age,nope"), 400, "COLUMN_NOT_FOUND");
  }

  @Test
  void rows_postgrestOperators() {
    assertThat(count("name=eq.user3")).isEqualTo(1);
    assertThat(count("age=gt.28")).isEqualTo(count("age=eq.29"));
    assertThat(count("age=gte.29")).isEqualTo(count("age=eq.29"));
    assertThat(count("age=lt.21")).isEqualTo(count("age=eq.20"));
    assertThat(count("age=lte.20")).isEqualTo(count("age=eq.20"));
    assertThat(count("name=neq.user3&name=like.user3*")).isEqualTo(count("name=like.user3%25") - 1);
    assertThat(count("name=in.(user1,user2,nobody)")).isEqualTo(2);
    assertThat(count("nickname=is.null")).isEqualTo(count("nickname=not.is.not_null"));
    assertThat(count("nickname=is.null")).isPositive();
    assertThat(count("name=eq.x'%20OR%20'1'='1")).isZero();
  }

  private int count(String query) {
    Response response = api.get("/api/v1/db/tables/users?page_size=1000&" + query);
    assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
    return response.json().path("records").size();
  }

  @Test
  void rows_keysetCursor_walksEveryRowOnce() {
    Set<Long> seen = new HashSet<>();
    String cursor = "";
    int pages = 0;
    do {
      JsonNode page = api.get("/api/v1/db/tables/users?page_size=7&sort_by=age&cursor=" + ApiClient.encode(cursor))
          .json();
      page.path("records").forEach(row -> assertThat(seen.add(row.path("id").asLong())).isTrue());
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(seen).hasSize(api.get("/api/v1/db/tables/users?page_size=1000").json().path("records").size());
    assertThat(api.get("/api/v1/db/tables/users?cursor=garbage").errorCode()).isEqualTo("INVALID_CURSOR");
  }

  @Test
  void rows_crudRoundTrip() {
    Response created = api.send("POST", "/api/v1/db/tables/users",
        "{\"name\": \"Ada\", \"email\": \"ada@example.com\", \"age\": 36}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("record").path("id").asLong();
    String row = "/api/v1/db/tables/users/rows/" + id;
    assertThat(api.get(row).json().path("record").path("name").asText()).isEqualTo("Ada");
    Response patched = api.send("PATCH", row, "{\"age\": 37}");
    assertThat(patched.json().path("record").path("age").asInt()).as(patched.body()).isEqualTo(37);
    Response duplicate = api.send("POST", "/api/v1/db/tables/users",
        "{\"name\": \"Eve\", \"email\": \"ada@example.com\", \"age\": 1}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_KEY");
    assertThat(api.send("DELETE", row, null).status()).isEqualTo(200);
    Response gone = api.get(row);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("ROW_NOT_FOUND");
    assertThat(api.send("DELETE", row, null).status()).isEqualTo(404);
  }

  @Test
  void errors_haveStatusCodeAndModule() {
    expectError(api.get("/api/v1/db/tables/nope"), 404, "TABLE_NOT_FOUND");
    expectError(api.get("/api/v1/db/tables/users?sort_by=nope"), 400, "COLUMN_NOT_FOUND");
    expectError(api.get("/api/v1/db/tables/users?nope=eq.1"), 400, "COLUMN_NOT_FOUND");
    expectError(api.get("/api/v1/db/tables/users?age=between.1"), 400, "UNKNOWN_OPERATOR");
    expectError(api.get("/api/v1/db/tables/users?page_size=1000000000"), 400, "PAGE_SIZE_TOO_LARGE");
    expectError(api.get("/api/v1/db/tables/users?age=eq.old"), 400, "INVALID_VALUE");
    expectError(api.send("POST", "/api/v1/db/tables/users", "{\"name\": "), 400, "INVALID_JSON");
    expectError(api.send("POST", "/api/v1/db/tables/users", "[1, 2]"), 400, "BODY_NOT_OBJECT");
    expectError(api.send("POST", "/api/v1/db/tables/users", "{\"name\": \"x".repeat(1) + "x".repeat(2_000_000)
        + "\"}"), 413, "BODY_TOO_LARGE");
    expectError(api.get("/api/v1/nothing-here"), 404, "ROUTE_NOT_FOUND");
    expectError(api.get("/api/v1/kv/keys/missing-key"), 404, "KEY_NOT_FOUND");
    JsonNode error = api.get("/api/v1/db/tables/nope").json().path("error");
    assertThat(error.path("module").asText()).isEqualTo("cairn.db");
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.has("details")).isTrue();
  }

  // Most clients (java.net.http among them) write the whole body before they read any answer. A server that answers
  // 413 and closes without reading the body makes such a client's write fail with a reset, and the 413 is lost.
  // Deterministic: the client's send buffer is small and the body (8 MiB, under the server's 16 MiB drain limit)
  // is far more than the socket buffers of both sides hold, so the client can finish writing only if the server
  // reads the body to its end.
  @Test
  void bodyOverLimit_clientWritesWholeBodyFirst_reads413() throws IOException {
    int length = 8 * 1024 * 1024;
    try (Socket socket = new Socket()) {
      socket.setSendBufferSize(64 * 1024);
      socket.setSoTimeout(60_000);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/db/tables/users HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
          + "\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      try {
        for (int written = 0; written < length; written += chunk.length) {
          out.write(chunk, 0, Math.min(chunk.length, length - written));
        }
        out.flush();
      } catch (IOException e) {
        throw new AssertionError("the server closed the connection before reading the refused body: " + e, e);
      }
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 413 ").contains("\"code\":\"BODY_TOO_LARGE\"");
    }
  }

  @Test
  void chunkedBodyOverLimit_413() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(server.url() + "/api/v1/db/tables/users"))
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(("{\"name\": \"" + "x".repeat(2_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8))))
        .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      expectError(new Response(response.statusCode(), response.body()), 413, "BODY_TOO_LARGE");
    }
  }

  static void expectError(Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.errorCode()).as(response.body()).isEqualTo(code);
    assertThat(response.body()).doesNotContainIgnoringCase("select ").doesNotContain("at dev.cairn", "Exception");
  }

  @Test
  void keyValue_putGetListDelete() {
    for (int i = 0; i < 5; i++) {
      assertThat(api.send("PUT", "/api/v1/kv/keys/cfg:" + i, "{\"value\": \"v" + i + "\"}").status()).isEqualTo(200);
    }
    api.send("PUT", "/api/v1/kv/keys/other", "{\"value\": \"o\", \"ttl_seconds\": 60}");
    JsonNode one = api.get("/api/v1/kv/keys/cfg:3").json();
    assertThat(one.path("value").asText()).isEqualTo("v3");
    assertThat(one.path("ttl_ms").isNull()).isTrue();
    assertThat(api.get("/api/v1/kv/keys/other").json().path("ttl_ms").asLong()).isBetween(1L, 60_000L);
    // Pages follow the store's SCAN cursor, so the order is the store's; Redis may repeat a key while it resizes.
    assertThat(listedKeys("cfg:", 2)).containsExactly("cfg:0", "cfg:1", "cfg:2", "cfg:3", "cfg:4");
    assertThat(api.send("DELETE", "/api/v1/kv/keys/cfg:0", null).status()).isEqualTo(200);
    expectError(api.get("/api/v1/kv/keys/cfg:0"), 404, "KEY_NOT_FOUND");
    expectError(api.send("PUT", "/api/v1/kv/keys/x", "{\"value\": 1}"), 400, "INVALID_VALUE");
    expectError(api.send("PUT", "/api/v1/kv/keys/x", "{\"value\": \"a\", \"ttl_seconds\": -5}"), 400, "INVALID_TTL");
    expectError(api.get("/api/v1/kv/keys?limit=1000000000"), 400, "PAGE_SIZE_TOO_LARGE");
  }

  @Test
  void keyValue_listPrefixWithGlobCharacters_listsOnlyKeysStartingWithIt() {
    for (String key : List.of("g*[1]:a", "g*[1]:b", "gx1:c", "g*1:d", "g?[1]:e")) {
      assertThat(api.send("PUT", "/api/v1/kv/keys/" + ApiClient.encode(key), "{\"value\": \"v\"}").status())
          .isEqualTo(200);
    }

    assertThat(listedKeys("g*[1]:", 100)).containsExactly("g*[1]:a", "g*[1]:b");
  }

  /** Every key the listing returns for {@code prefix}, following {@code next} with pages of {@code limit}. */
  private TreeSet<String> listedKeys(String prefix, int limit) {
    TreeSet<String> listed = new TreeSet<>();
    String cursor = "";
    do {
      JsonNode page = api.get("/api/v1/kv/keys?prefix=" + ApiClient.encode(prefix) + "&limit=" + limit + "&cursor="
          + ApiClient.encode(cursor)).json();
      page.path("keys").forEach(key -> listed.add(key.asText()));
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
    } while (cursor != null);
    return listed;
  }

  @Test
  void health_upWithLatencies_openWithoutToken() {
    Response health = api.withToken(null).get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("database").path("status").asText()).isEqualTo("up");
    assertThat(health.json().path("kv").path("status").asText()).isEqualTo("up");
    assertThat(health.json().path("database").has("latency_ms")).isTrue();
  }

  @Test
  void metrics_prometheusText_countsRequests() {
    api.get("/api/v1/db/tables");
    Response metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("cairn_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/db/tables\"");
  }

  @Test
  void auth_missingOrWrongToken_401() {
    expectError(api.withToken(null).get("/api/v1/db/tables"), 401, "UNAUTHORIZED");
    expectError(api.withToken("wrong").get("/api/v1/db/tables"), 401, "UNAUTHORIZED");
    expectError(api.withToken(null).get("/metrics"), 401, "UNAUTHORIZED");
    expectError(api.withToken(null).send("DELETE", "/api/v1/kv/keys/a", null), 401, "UNAUTHORIZED");
  }

  @Test
  void noToken_openButReadOnly() {
    try (AdminServer open = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0),
        AdminStores.of(database, store))) {
      ApiClient anonymous = new ApiClient(open.url(), null);
      assertThat(anonymous.get("/api/v1/db/tables").status()).isEqualTo(200);
      expectError(anonymous.send("POST", "/api/v1/db/tables/users", "{\"name\": \"x\"}"), 403, "READ_ONLY");
      expectError(anonymous.send("PUT", "/api/v1/kv/keys/k", "{\"value\": \"x\"}"), 403, "READ_ONLY");
    }
  }

  @Test
  void readOnly_refusesWritesWithToken() {
    try (AdminServer readOnly = AdminServer.start(writable().withReadOnly(true), AdminStores.of(database, store))) {
      ApiClient client = new ApiClient(readOnly.url(), TOKEN);
      assertThat(client.get("/api/v1/db/tables/users").status()).isEqualTo(200);
      expectError(client.send("PATCH", "/api/v1/db/tables/users/rows/1", "{\"age\": 1}"), 403, "READ_ONLY");
      expectError(client.send("DELETE", "/api/v1/kv/keys/k", null), 403, "READ_ONLY");
      expectError(client.withToken(null).get("/api/v1/db/status"), 401, "UNAUTHORIZED");
    }
  }

  @Test
  void openApi_documentsExactlyTheRegisteredRoutes() {
    JsonNode document = api.get("/api/v1/openapi.json").json();
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    List<String> documented = new ArrayList<>();
    document.path("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " "
            + path.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
  }

  @Test
  void openApi_documentsIdempotencyKeyOnWritesAndRetryAfterOn503() {
    JsonNode document = api.get("/api/v1/openapi.json").json();
    JsonNode paths = document.path("paths");
    for (String[] write : new String[][] {{"/api/v1/db/tables/{table}", "post"},
        {"/api/v1/db/tables/{table}/rows/{id}", "delete"}, {"/api/v1/kv/keys/{key}", "put"},
        {"/api/v1/subjects/{name}/{property}", "put"}}) {
      JsonNode operation = paths.path(write[0]).path(write[1]);
      assertThat(operation.path("parameters").findValuesAsText("$ref")).as(write[1] + " " + write[0])
          .contains("#/components/parameters/IdempotencyKey");
      assertThat(operation.path("responses").has("422")).isTrue();
    }
    assertThat(document.path("components").path("parameters").path("IdempotencyKey").path("name").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(paths.path("/api/v1/db/tables/{table}").path("get").path("parameters").toString())
        .doesNotContain("IdempotencyKey");
    assertThat(paths.path("/api/v1/db/tables/{table}").path("get").path("responses").path("503").path("$ref")
        .asText()).isEqualTo("#/components/responses/Unavailable");
    assertThat(document.path("components").path("responses").path("Unavailable").path("headers")
        .has("Retry-After")).isTrue();
  }

  static final List<String> HOSTILE = List.of(
      "users; DROP TABLE users", "users' OR '1'='1", "../../etc/passwd", "..", "users\" --", "`users`",
      "name) OR 1=1 --", "*", "%", "users\u0000", "sqlite_master", "pg_catalog.pg_tables", "information_schema.tables",
      "id; DELETE FROM users", "x".repeat(5000), "users/../users", "ユーザー", "\\", "' UNION SELECT 1 --",
      "1e309");

  @Test
  void hostileRequests_all4xxWithCode_tablesUnchanged() {
    var before = TableChecksums.of(database);
    List<String[]> requests = new ArrayList<>();
    for (String evil : HOSTILE) {
      String e = ApiClient.encode(evil);
      requests.add(new String[] {"GET", "/api/v1/db/tables/" + e, null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/" + e + "/schema", null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?sort_by=" + e, null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?filter_column=" + e + "&filter_value=1", null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?" + e + "=eq.1", null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?age=" + e, null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?age=eq." + e, null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?page_size=" + e, null});
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?cursor=" + e, null});
      requests.add(new String[] {"POST", "/api/v1/db/tables/" + e, "{\"name\": \"x\"}"});
      requests.add(new String[] {"POST", "/api/v1/db/tables/users", "{\"" + evil.replace("\\", "").replace("\"", "")
          + "\": \"x\"}"});
      requests.add(new String[] {"PATCH", "/api/v1/db/tables/users/rows/1", "{\"" + evil.replace("\\", "")
          .replace("\"", "") + "\": 1}"});
      requests.add(new String[] {"PATCH", "/api/v1/db/tables/users/rows/" + e, "{\"age\": 1}"});
      requests.add(new String[] {"DELETE", "/api/v1/db/tables/users/rows/" + e, null});
    }
    for (String evil : HOSTILE) {
      String e = ApiClient.encode(evil);
      requests.add(new String[] {"GET", "/api/v1/kv/keys/" + e, null});
      requests.add(new String[] {"GET", "/api/v1/subjects/" + e, null});
      requests.add(new String[] {"DELETE", "/api/v1/subjects/" + e + "/" + e, null});
    }
    for (String size : List.of("1000000000", "1001", "0", "-1", "abc", "1e3", "99999999999999999999")) {
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?page_size=" + size, null});
    }
    for (String operator : List.of("between.1", "ilike.x", "eq", "is.true", "in.1,2", "in.(\"1)", "not.", "cs.{1}")) {
      requests.add(new String[] {"GET", "/api/v1/db/tables/users?age=" + ApiClient.encode(operator), null});
    }
    for (String body : List.of("{", "[]", "null", "42", "\"text\"", "{\"name\": {\"nested\": 1}}", "{\"age\": [1]}",
        "{\"name\": \"x\", \"email\": \"user2@example.com\", \"age\": 1}", "{\"age\": \"old\"}", "")) {
      requests.add(new String[] {"POST", "/api/v1/db/tables/users", body});
      requests.add(new String[] {"PATCH", "/api/v1/db/tables/users/rows/1", body});
    }
    requests.add(new String[] {"POST", "/api/v1/db/tables/users", "{\"name\": \"" + "x".repeat(3_000_000) + "\"}"});
    requests.add(
        new String[] {"PATCH", "/api/v1/db/tables/users/rows/1", "{\"id\": \"" + "9".repeat(2_000_000) + "\"}"});
    assertThat(requests).hasSizeGreaterThanOrEqualTo(200);
    for (String[] request : requests) {
      // A fresh connection each: Jetty closes the connection after refusing an unparsable request.
      Response response = api.sendOnNewConnection(request[0], request[1], request[2]);
      String label = request[0] + " " + request[1].substring(0, Math.min(120, request[1].length())) + " -> "
          + response.body().substring(0, Math.min(300, response.body().length()));
      assertThat(response.status()).as(label).isBetween(400, 499);
      assertThat(response.errorCode()).as(label).matches("[A-Z_]+");
      assertThat(response.body()).as(label).doesNotContain("at dev.cairn", "SQLException", "password");
    }
    assertThat(TableChecksums.of(database)).isEqualTo(before);
  }

  /** Nesting far past any limit: the parser stops early and says so; before, formatting its error threw (500). */
  @Test
  void deeplyNestedJson_400JsonTooDeep_nothingWritten() {
    var before = TableChecksums.of(database);
    String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
    String deepObject = "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000);
    for (String deep : List.of(deepArray, deepObject)) {
      expectError(api.send("POST", "/api/v1/db/tables/users", "{\"name\": " + deep + "}"), 400, "JSON_TOO_DEEP");
      expectError(api.send("PATCH", "/api/v1/db/tables/users/rows/1", "{\"age\": " + deep + "}"), 400,
          "JSON_TOO_DEEP");
      expectError(api.send("PUT", "/api/v1/kv/keys/deep", "{\"value\": " + deep + "}"), 400, "JSON_TOO_DEEP");
      expectError(api.send("PUT", "/api/v1/subjects/deep/p", "{\"value\": " + deep + "}"), 400, "JSON_TOO_DEEP");
    }
    assertThat(TableChecksums.of(database)).isEqualTo(before);
    expectError(api.get("/api/v1/kv/keys/deep"), 404, "KEY_NOT_FOUND");
    expectError(api.get("/api/v1/subjects/deep"), 404, "SUBJECT_NOT_FOUND");
  }

  @Test
  void moderatelyNestedSubjectValue_stored() {
    String nested = "[".repeat(20) + "1" + "]".repeat(20);
    Response set = api.send("PUT", "/api/v1/subjects/nested/p?ext=true", "{\"value\": " + nested + "}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/subjects/nested").json().path("ext_properties").path("p").toString()).isEqualTo(nested);
  }

  /**
   * A lone UTF-16 surrogate (JSON allows the escape, UTF-8 cannot hold it) was stored as '?' with 201: refused in
   * values and in names, nothing written.
   */
  @Test
  void loneSurrogate_400InvalidUnicode_nothingWritten() {
    var before = TableChecksums.of(database);
    for (String lone : List.of("\\ud800", "a\\udfffb", "x\\ud83d", "\\ude00y")) {
      String text = "\"" + lone + "\"";
      expectError(api.send("POST", "/api/v1/db/tables/users",
          "{\"name\": " + text + ", \"email\": \"lone@example.com\", \"age\": 1}"), 400, "INVALID_UNICODE");
      expectError(api.send("POST", "/api/v1/db/tables/users", "{" + text + ": \"x\"}"), 400, "INVALID_UNICODE");
      expectError(api.send("PATCH", "/api/v1/db/tables/users/rows/1", "{\"nickname\": " + text + "}"), 400,
          "INVALID_UNICODE");
      expectError(api.send("PUT", "/api/v1/kv/keys/lone", "{\"value\": " + text + "}"), 400, "INVALID_UNICODE");
      expectError(api.send("PUT", "/api/v1/subjects/lone/p", "{\"value\": " + text + "}"), 400, "INVALID_UNICODE");
      expectError(api.send("PUT", "/api/v1/subjects/lone/p?ext=true", "{\"value\": {\"k\": [" + text + "]}}"), 400,
          "INVALID_UNICODE");
    }
    assertThat(TableChecksums.of(database)).isEqualTo(before);
    expectError(api.get("/api/v1/kv/keys/lone"), 404, "KEY_NOT_FOUND");
    expectError(api.get("/api/v1/subjects/lone"), 404, "SUBJECT_NOT_FOUND");
  }

  @Test
  void surrogatePair_storedExactly() {
    Response created = api.send("POST", "/api/v1/db/tables/users",
        "{\"name\": \"smile \\ud83d\\ude00\", \"email\": \"pair@example.com\", \"age\": 2}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("record").path("id").asLong();
    assertThat(api.get("/api/v1/db/tables/users/rows/" + id).json().path("record").path("name").asText())
        .isEqualTo("smile \ud83d\ude00");
    api.send("DELETE", "/api/v1/db/tables/users/rows/" + id, null);
    assertThat(api.send("PUT", "/api/v1/kv/keys/pair", "{\"value\": \"\\ud83d\\ude00\"}").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/kv/keys/pair").json().path("value").asText()).isEqualTo("\ud83d\ude00");
    api.send("DELETE", "/api/v1/kv/keys/pair", null);
  }

  @Test
  void databaseClosed_503() {
    Database closed = Database.open("sqlite::memory:");
    closed.close();
    try (AdminServer broken = AdminServer.start(writable(), AdminStores.of(closed, store))) {
      ApiClient client = new ApiClient(broken.url(), TOKEN);
      Response unavailable = client.get("/api/v1/db/tables");
      expectError(unavailable, 503, "DATABASE_CLOSED");
      assertThat(unavailable.header("Retry-After")).as("Retry-After of a 503").matches("[1-9][0-9]*");
      assertThat(client.get("/api/v1/db/is-ready").status()).isEqualTo(503);
      assertThat(client.get("/health").status()).isEqualTo(503);
    }
  }

  @Test
  void subjects_setGetDelete() {
    Response set = api.send("PUT", "/api/v1/subjects/user-123/email", "{\"value\": \"john@example.com\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    api.send("PUT", "/api/v1/subjects/user-123/logins", "{\"value\": 3}");
    api.send("PUT", "/api/v1/subjects/user-123/tags?ext=true", "{\"value\": [\"a\", \"b\"]}");
    JsonNode subject = api.get("/api/v1/subjects/user-123").json();
    assertThat(subject.path("properties").path("email").asText()).isEqualTo("john@example.com");
    assertThat(subject.path("properties").path("logins").asLong()).isEqualTo(3);
    assertThat(subject.path("ext_properties").path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(subjects.get("user-123").get("email")).isEqualTo("john@example.com");
    Response changed = api.send("PUT", "/api/v1/subjects/user-123/logins", "{\"value\": 4}");
    assertThat(changed.json().path("previous").asLong()).isEqualTo(3);
    assertThat(api.send("DELETE", "/api/v1/subjects/user-123/logins", null).json().path("previous").asLong())
        .isEqualTo(4);
    expectError(api.send("DELETE", "/api/v1/subjects/user-123/logins", null), 404, "PROPERTY_NOT_FOUND");
    expectError(api.get("/api/v1/subjects/nobody"), 404, "SUBJECT_NOT_FOUND");
    expectError(api.send("PUT", "/api/v1/subjects/user-123/x", "{\"other\": 1}"), 400, "INVALID_VALUE");
    expectError(api.send("PUT", "/api/v1/subjects/user-123/x?ext=maybe", "{\"value\": 1}"), 400,
        "INVALID_PARAMETER");
  }

  @Test
  void subjects_deleteWholeSubject_goneWithWhatItHeld() {
    api.send("PUT", "/api/v1/subjects/doomed/a", "{\"value\": 1}");
    api.send("PUT", "/api/v1/subjects/doomed/e?ext=true", "{\"value\": \"x\"}");
    Response deleted = api.send("DELETE", "/api/v1/subjects/doomed", null);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json().path("deleted").path("properties").path("a").asLong()).isEqualTo(1);
    assertThat(deleted.json().path("deleted").path("ext_properties").path("e").asText()).isEqualTo("x");
    assertThat(subjects.storage().load("doomed").isEmpty()).isTrue();
    expectError(api.get("/api/v1/subjects/doomed"), 404, "SUBJECT_NOT_FOUND");
    expectError(api.send("DELETE", "/api/v1/subjects/doomed", null), 404, "SUBJECT_NOT_FOUND");
  }

  private Response withKey(String method, String path, String body, String key) {
    return api.send(method, path, body, Map.of("Idempotency-Key", key));
  }

  private static String uniqueKey(String name) {
    return name + "-" + UUID.randomUUID();
  }

  @Test
  void idempotencyKey_repeatedInsert_sameAnswerAndOneRow() {
    String key = uniqueKey("insert");
    String body = "{\"name\": \"Idem\", \"email\": \"" + key + "@example.com\", \"age\": 30}";
    Response first = withKey("POST", "/api/v1/db/tables/users", body, key);
    Response again = withKey("POST", "/api/v1/db/tables/users", body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(api.get("/api/v1/db/tables/users?email=eq." + ApiClient.encode(key + "@example.com")).json()
        .path("records")).hasSize(1);
  }

  @Test
  void idempotencyKey_repeatedDelete_replaysTheFirstAnswer() {
    long id = api.send("POST", "/api/v1/db/tables/users", "{\"name\": \"Del\", \"email\": \""
        + uniqueKey("del") + "@example.com\", \"age\": 3}").json().path("record").path("id").asLong();
    String key = uniqueKey("delete");

    assertThat(withKey("DELETE", "/api/v1/db/tables/users/rows/" + id, null, key).status()).isEqualTo(200);
    Response again = withKey("DELETE", "/api/v1/db/tables/users/rows/" + id, null, key);

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    expectError(api.send("DELETE", "/api/v1/db/tables/users/rows/" + id, null), 404, "ROW_NOT_FOUND");
  }

  @Test
  void idempotencyKey_keysAndSubjects_repeatReplayed() {
    String key = uniqueKey("kv");
    assertThat(withKey("PUT", "/api/v1/kv/keys/idem-k", "{\"value\": \"one\"}", key).status()).isEqualTo(200);
    api.send("PUT", "/api/v1/kv/keys/idem-k", "{\"value\": \"two\"}");
    assertThat(withKey("PUT", "/api/v1/kv/keys/idem-k", "{\"value\": \"one\"}", key).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/kv/keys/idem-k").json().path("value").asText())
        .as("the repeat did not write again").isEqualTo("two");

    String subjectKey = uniqueKey("subject");
    Response set = withKey("PUT", "/api/v1/subjects/idem-s/n", "{\"value\": 1}", subjectKey);
    Response replayed = withKey("PUT", "/api/v1/subjects/idem-s/n", "{\"value\": 1}", subjectKey);
    assertThat(replayed.body()).isEqualTo(set.body());
    assertThat(replayed.json().path("previous").isNull()).isTrue();
  }

  @Test
  void idempotencyKey_sameKeyOtherRequest_refused() {
    String key = uniqueKey("reuse");
    assertThat(withKey("PUT", "/api/v1/kv/keys/reuse", "{\"value\": \"a\"}", key).status()).isEqualTo(200);

    expectError(withKey("PUT", "/api/v1/kv/keys/reuse", "{\"value\": \"b\"}", key), 422,
        "IDEMPOTENCY_KEY_REUSED");
    expectError(withKey("PUT", "/api/v1/kv/keys/other", "{\"value\": \"a\"}", key), 422,
        "IDEMPOTENCY_KEY_REUSED");
    expectError(withKey("DELETE", "/api/v1/kv/keys/reuse", null, key), 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(api.get("/api/v1/kv/keys/reuse").json().path("value").asText()).isEqualTo("a");
  }

  @Test
  void idempotencyKey_malformed_400AndNothingWritten() {
    for (String bad : List.of("has space", "x".repeat(256), "tab\tinside", "quote\"d", "semi;colon")) {
      Response response = withKey("PUT", "/api/v1/kv/keys/bad-idem", "{\"value\": \"v\"}", bad);
      expectError(response, 400, "INVALID_IDEMPOTENCY_KEY");
    }
    expectError(api.get("/api/v1/kv/keys/bad-idem"), 404, "KEY_NOT_FOUND");
  }
}
