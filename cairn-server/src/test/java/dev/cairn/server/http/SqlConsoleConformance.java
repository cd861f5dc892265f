package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read-only SQL console {@code POST /api/v1/db/sql} on a started server, per backend: queries answer columns
 * and rows, every kind of write is refused by the database's read-only transaction and changes nothing, the row
 * cap truncates, and a server without a token does not offer it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlConsoleConformance {
  static final String TOKEN = "sql-console-token";
  Database database;
  KeyValue store;
  AdminServer server;
  ApiClient api;

  abstract String databaseUrl();

  @BeforeAll
  void startServer() {
    database = Database.open(DatabaseConfig.of(databaseUrl()));
    store = KeyValue.open("memory:");
    database.executeScript("""
        DROP TABLE IF EXISTS console_tags;
        DROP TABLE IF EXISTS console_items;
        CREATE TABLE console_items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);
        CREATE TABLE console_tags (item_id INTEGER NOT NULL, tag VARCHAR(40) NOT NULL);
        INSERT INTO console_items (id, name) VALUES (1, 'anvil'), (2, 'bolt'), (3, 'chain');
        INSERT INTO console_tags (item_id, tag) VALUES (1, 'heavy'), (3, 'heavy'), (3, 'long');
        """).orElseThrow();
    server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN),
        AdminStores.of(database, store));
    api = new ApiClient(server.url(), TOKEN);
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  Response sql(String sql, Object params) {
    return api.send("POST", "/api/v1/db/sql", Json.write(params == null ? Map.of("sql", sql)
        : Map.of("sql", sql, "params", params)));
  }

  long itemCount() {
    return database.queryOne("SELECT COUNT(*) AS n FROM console_items").orElseThrow().getLong("n");
  }

  /**
   * A write through the console: 400 and the table unchanged; READ_ONLY_QUERY when the database refused it, SQL_ERROR
   * when the driver did first (SQLite's refuses a statement that returns no rows as a query).
   */
  void expectRefusedWrite(String sql) {
    long before = itemCount();
    Response response = sql(sql, null);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorCode()).as(response.body()).isIn("READ_ONLY_QUERY", "SQL_ERROR");
    assertThat(itemCount()).isEqualTo(before);
  }

  @Test
  void select_answersColumnsAndRows() {
    Response response = sql("SELECT id, name FROM console_items WHERE id >= ? ORDER BY id", List.of(2));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("columns").toString().toLowerCase()).isEqualTo("[\"id\",\"name\"]");
    assertThat(body.path("rows").toString()).isEqualTo("[[2,\"bolt\"],[3,\"chain\"]]");
    assertThat(body.path("truncated").asBoolean()).isFalse();
    assertThat(body.path("elapsed_ms").isIntegralNumber()).isTrue();
  }

  @Test
  void noRows_stillAnswersTheColumns() {
    // the console shows the headers of an empty result: the columns come from the statement, not from a row
    Response response = sql("SELECT id, name AS label FROM console_items WHERE id < 0", null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("columns").toString().toLowerCase()).isEqualTo("[\"id\",\"label\"]");
    assertThat(body.path("rows").toString()).isEqualTo("[]");
  }

  @Test
  void join_withNamedParameters() {
    Response response = sql("SELECT i.name, COUNT(*) AS tags FROM console_items i JOIN console_tags t"
        + " ON t.item_id = i.id WHERE t.tag = :tag OR i.id = :id GROUP BY i.name ORDER BY i.name",
        Map.of("tag", "heavy", "id", 3));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("rows").toString()).isEqualTo("[[\"anvil\",1],[\"chain\",2]]");
  }

  @Test
  void writes_refusedByTheDatabase_nothingWritten() {
    expectRefusedWrite("DELETE FROM console_items");
    expectRefusedWrite("UPDATE console_items SET name = 'x'");
    expectRefusedWrite("INSERT INTO console_items (id, name) VALUES (9, 'nail')");
    Response drop = sql("DROP TABLE console_tags", null);
    assertThat(drop.status()).as(drop.body()).isEqualTo(400);
    assertThat(database.queryOne("SELECT COUNT(*) AS n FROM console_tags").orElseThrow().getLong("n"))
        .isEqualTo(3);
  }

  /**
   * A write that returns rows gets past every driver's "is it a query" check and reaches the database, which
   * refuses it inside the read-only transaction (SQLite's driver refuses a plain DELETE before running it).
   */
  @Test
  void writeReturningRows_saysReadOnly() {
    Response response = sql("DELETE FROM console_items WHERE id = 1 RETURNING id", null);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorCode()).as(response.body()).isEqualTo("READ_ONLY_QUERY");
    assertThat(itemCount()).isEqualTo(3);
  }

  @Test
  void rowCap_truncates() {
    Response response = sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
        + " SELECT i FROM n", null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("rows").size()).isEqualTo(1000);
    assertThat(response.json().path("truncated").asBoolean()).isTrue();
    assertThat(response.json().path("rows").get(999).get(0).asLong()).isEqualTo(1000);
  }

  @Test
  void badSql_400WithTheDatabasesReason() {
    Response response = sql("SELEC 1", null);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorCode()).as(response.body()).isEqualTo("SQL_ERROR");
    assertThat(response.json().path("error").path("message").asText()).contains("refused the query");
  }

  /** SET, USE, COMMIT and the like would change the pooled connection or end the transaction: refused first. */
  @Test
  void sessionStatements_refused() {
    for (String statement : List.of("SET SESSION wait_timeout = 12345", " -- note\n set x = 1", "/* c */ USE mysql",
        "COMMIT", "BEGIN", "(ROLLBACK)", "/*! SET SESSION wait_timeout = 1 */", "   ")) {
      Response response = sql(statement, null);
      assertThat(response.status()).as(statement).isEqualTo(400);
      assertThat(response.errorCode()).as(statement).isIn("SESSION_STATEMENT", "SQL_REQUIRED");
    }
  }

  @Test
  void missingSql_400() {
    Response response = api.send("POST", "/api/v1/db/sql", "{\"params\": []}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("SQL_REQUIRED");
  }

  @Test
  void noTokenOnTheServer_403() {
    try (AdminServer open = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0),
        AdminStores.of(database, store))) {
      Response response = new ApiClient(open.url(), null).send("POST", "/api/v1/db/sql",
          "{\"sql\": \"SELECT 1\"}");
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.errorCode()).isEqualTo("SQL_CONSOLE_NEEDS_TOKEN");
    }
  }

  @Test
  void wrongToken_401() {
    Response response = api.withToken("not-the-token-at-all").send("POST", "/api/v1/db/sql",
        "{\"sql\": \"SELECT 1\"}");
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void readOnlyServerWithToken_stillAnswers() {
    try (AdminServer readOnly = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0)
        .withAdminToken(TOKEN).withReadOnly(true), AdminStores.of(database, store))) {
      Response response = new ApiClient(readOnly.url(), TOKEN).send("POST", "/api/v1/db/sql",
          "{\"sql\": \"SELECT name FROM console_items WHERE id = 1\"}");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().path("rows").toString()).isEqualTo("[[\"anvil\"]]");
    }
  }
}
