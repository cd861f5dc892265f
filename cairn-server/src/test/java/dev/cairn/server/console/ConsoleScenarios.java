package dev.cairn.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.server.http.AdminStores;
import dev.cairn.sql.Database;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Metric;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import dev.cairn.vector.VectorStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console in a real Chromium against a started {@link AdminServer}, written once and run per backend by the
 * {@code Console*Test} classes: one browser per class, two servers on the same stores (one with the admin token,
 * one without, which is read-only). Each test leaves a screenshot in {@code target/console-screenshots/}. Long
 * because it is the whole suite, one scenario per method; the page and API helpers live in {@link ConsolePage} and
 * {@link AdminApiCalls}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleScenarios {
  static final String TOKEN = "console-test-token";
  static final int PEOPLE = 45;
  static final int HOSTILE_ID = 46;
  static final String HOSTILE_NAME = "<script>window.cairnPwned = 1</script>";
  static final String HOSTILE_CITY = "\"><img src=x onerror=\"window.cairnPwned = 1\">";
  static final List<String> CITIES = List.of("Oslo", "Lima", "Kyiv", "Pune", "Bern");

  Database database;
  KeyValue store;
  AdminServer server;
  AdminServer readOnlyServer;
  Chromium browser;
  ConsolePage page;
  AdminApiCalls api;
  VectorStore vectors;
  // The vector store's folder, deleted by stop() once the store is closed: every run used to leave one in /tmp.
  // Not a JUnit @TempDir: an instance one is injected only before each test, after start() needs it.
  Path vectorsDir;

  /** The database URL of this backend. */
  abstract String databaseUrl();

  /** A plain JDBC connection to that database, for the tables the console shows. */
  abstract Connection rawConnection() throws SQLException;

  /** The key-value store of this backend (a prefixed view on a shared server). */
  abstract KeyValue openStore();

  void closeStore() {
    store.close();
  }

  @BeforeAll
  void start() throws SQLException, IOException {
    createTables();
    database = Database.open(databaseUrl());
    store = openStore();
    for (int i = 1; i <= 30; i++) {
      store.set("console:item:%02d".formatted(i), "value " + i);
    }
    store.set("console:json", "{\"name\":\"Ada\",\"tags\":[\"a\",\"b\"],\"n\":1}");
    store.set("console:binary", "\u0000\u0001\u0002AB\u00ff");
    store.set("console:hostile", HOSTILE_CITY);
    store.set("console:ttl", "expiring", Duration.ofMinutes(10));
    store.set("other:key", "not under the prefix");
    vectorsDir = Files.createTempDirectory("console-vectors");
    vectors = VectorStore.open("vector:" + vectorsDir);
    VectorCollection docs = vectors.create(CollectionSpec.of("docs", 3, Metric.COSINE)).orElseThrow();
    vectors.create(CollectionSpec.of("empty", 8, Metric.L2)).orElseThrow();
    docs.upsertAll(List.of(
        // the neighbours of north have distinct scores (0.8, 0.196, 0.0995), so their order is fixed
        new VectorItem("north", new float[] {0, 1, 0}, Map.of("title", "North", "rank", 1)),
        new VectorItem("north-east", new float[] {0.6f, 0.8f, 0}, Map.of("title", "North-east", "rank", 2)),
        new VectorItem("east", new float[] {1, 0.1f, 0}, Map.of("title", "East", "rank", 3)),
        new VectorItem("up", new float[] {0, 0.2f, 1}, Map.of("title", HOSTILE_NAME, "rank", 4)))).orElseThrow();
    server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN),
        AdminStores.of(database, store).withVectors(vectors));
    readOnlyServer = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0),
        AdminStores.of(database, store).withVectors(vectors));
    browser = Chromium.start(getClass());
    page = new ConsolePage(browser);
    api = new AdminApiCalls(server.url(), TOKEN);
  }

  private void createTables() throws SQLException {
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, "
          + "city VARCHAR(200) NOT NULL, age INTEGER NOT NULL, bio VARCHAR(500))");
      statement.execute("CREATE INDEX people_city ON people (city)");
      statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, "
          + "person_id INTEGER NOT NULL REFERENCES people (id), item VARCHAR(100) NOT NULL)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= PEOPLE; i++) {
          insert.setInt(1, i);
          insert.setString(2, "person %02d".formatted(i));
          insert.setString(3, CITIES.get(i % CITIES.size()));
          insert.setInt(4, 20 + (i * 7) % 30);
          insert.setString(5, i % 4 == 0 ? null : "bio, with \"quotes\" of " + i);
          insert.addBatch();
        }
        insert.setInt(1, HOSTILE_ID);
        insert.setString(2, HOSTILE_NAME);
        insert.setString(3, HOSTILE_CITY);
        insert.setInt(4, 99);
        insert.setString(5, "<b>not bold</b>");
        insert.addBatch();
        insert.executeBatch();
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
        for (int i = 1; i <= 5; i++) {
          insert.setInt(1, i);
          insert.setInt(2, i * 3);
          insert.setString(3, "item " + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /**
   * Every test leaves the page it ended on, passed or failed, so a failure can be seen; and no test may leave a
   * script error or a blocked inline script or style behind.
   */
  @AfterEach
  void screenshotAtTheEnd(TestInfo test) {
    if (browser != null) {
      browser.endTest(test);
    }
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (readOnlyServer != null) {
      readOnlyServer.close();
    }
    if (server != null) {
      server.close();
    }
    if (vectors != null) {
      vectors.close();
    }
    if (vectorsDir != null) {
      try (java.util.stream.Stream<Path> paths = Files.walk(vectorsDir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    if (store != null) {
      closeStore();
    }
    if (database != null) {
      database.close();
    }
  }

  // --- scenarios ------------------------------------------------------------------------------------------------

  @Test
  void opensConsole_listsTablesWithRowCounts() {
    openWithToken(server, "/tables");
    page.waitForLoad(0);
    List<List<String>> rows = page.cells("#tables tbody tr");
    assertThat(rows).extracting(row -> row.get(0)).contains("people", "orders");
    assertThat(rows).filteredOn(row -> row.get(0).equals("people")).singleElement()
        .satisfies(row -> assertThat(row.get(1)).isEqualTo(Integer.toString(PEOPLE + 1)));
    assertThat(page.text("#mode")).contains("Token in use");
    browser.screenshot("tables");
  }

  @Test
  void filter_showsOnlyMatchingRows() {
    openTable();
    int loads = page.loads();
    page.filter("city", "eq", "Oslo");
    page.waitForLoad(loads);
    List<List<String>> rows = page.rowCells();
    JsonNode expected = api.json("/api/v1/db/tables/people?page_size=20&city=eq.Oslo");
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get(3)).isEqualTo("Oslo"));
    assertThat(rows).extracting(row -> row.get(1))
        .containsExactlyElementsOf(expected.path("records").findValuesAsText("id"));
    assertThat(page.text("#page-label")).endsWith("of " + expected.path("total_records").asLong());
    assertThat(page.text("#filters")).contains("city eq Oslo");
    browser.screenshot("filter");
  }

  @Test
  void sort_clickThenShiftClick_sortsOnTwoKeys() {
    openTable();
    int loads = page.loads();
    page.header("city").click();
    page.waitForLoad(loads);
    loads = page.loads();
    new Actions(browser.driver()).keyDown(Keys.SHIFT).click(page.header("age")).keyUp(Keys.SHIFT).perform();
    page.waitForLoad(loads);
    List<List<String>> rows = page.rowCells();
    JsonNode sorted = api.json("/api/v1/db/tables/people?page_size=20&sort_by=city,age&sort_desc=false,false");
    List<String> expected = new ArrayList<>();
    sorted.path("records").forEach(r -> expected.add(r.path("city").asText() + "|" + r.path("age").asText()));
    assertThat(rows).extracting(row -> row.get(3) + "|" + row.get(4)).containsExactlyElementsOf(expected);
    assertThat(page.ariaSort("city")).isEqualTo("ascending");
    assertThat(page.ariaSort("age")).isEqualTo("ascending");
    // shift-click again reverses the second key only
    loads = page.loads();
    new Actions(browser.driver()).keyDown(Keys.SHIFT).click(page.header("age")).keyUp(Keys.SHIFT).perform();
    page.waitForLoad(loads);
    assertThat(page.ariaSort("age")).isEqualTo("descending");
    JsonNode reversed = api.json("/api/v1/db/tables/people?page_size=20&sort_by=city,age&sort_desc=false,true");
    List<String> expectedReversed = new ArrayList<>();
    reversed.path("records").forEach(r -> expectedReversed.add(r.path("city").asText() + "|" + r.path("age").asText()));
    assertThat(page.rowCells()).extracting(row -> row.get(3) + "|" + row.get(4)).containsExactlyElementsOf(expectedReversed);
    browser.screenshot("sorted");
  }

  @Test
  void paging_forwardAndBack_followsTheKeysetCursor() {
    openTable();
    List<String> first = page.ids();
    assertThat(first).containsExactlyElementsOf(range(1, 20));
    assertThat(browser.driver().findElement(By.id("page-prev")).isEnabled()).isFalse();
    page.clickAndWait("#page-next");
    assertThat(page.ids()).containsExactlyElementsOf(range(21, 40));
    page.clickAndWait("#page-next");
    assertThat(page.ids()).containsExactlyElementsOf(range(41, PEOPLE + 1));
    assertThat(browser.driver().findElement(By.id("page-next")).isEnabled()).isFalse();
    page.clickAndWait("#page-prev");
    assertThat(page.ids()).containsExactlyElementsOf(range(21, 40));
    assertThat(page.text("#page-label")).startsWith("Page 2: rows 21–40 of " + (PEOPLE + 1));
    browser.screenshot("page-2");
    page.clickAndWait("#page-prev");
    assertThat(page.ids()).isEqualTo(first);
  }

  @Test
  void exportCsv_ofTheFilteredView_equalsTheApi() throws IOException {
    Path file = browser.downloads().resolve("people.csv");
    Files.deleteIfExists(file);
    openTable();
    int loads = page.loads();
    page.filter("age", "gte", "30");
    page.waitForLoad(loads);
    loads = page.loads();
    page.header("city").click();
    page.waitForLoad(loads);
    browser.driver().findElement(By.id("export-csv")).click();
    browser.until(d -> page.text("#export-status").startsWith("exported") && Files.exists(file));
    String expected = api.csv("people", "age=gte.30&sort_by=city&sort_desc=false");
    assertThat(Files.readString(file)).isEqualTo(expected);
    assertThat(expected.lines().count()).isGreaterThan(2);
    Path json = browser.downloads().resolve("people.json");
    Files.deleteIfExists(json);
    browser.driver().findElement(By.id("export-json")).click();
    browser.until(d -> page.text("#export-status").contains("people.json") && Files.exists(json));
    assertThat(Json.tree(Files.readString(json))).hasSize((int) expected.lines().count() - 1);
    browser.screenshot("export");
  }

  @Test
  void exportRoute_filteredAndSorted_equalsTheApisPagesConcatenated() throws IOException {
    String view = "age=gte.25&city=neq.Bern&sort_by=city,-age";
    HttpResponse<String> csv = api.get("/api/v1/db/tables/people/export?format=csv&" + view);
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("content-disposition")).hasValueSatisfying(
        disposition -> assertThat(disposition).startsWith("attachment; filename=\"people.csv\""));
    String expected = api.csv("people", view);
    assertThat(expected.lines().count()).isGreaterThan(10);
    assertThat(csv.body()).isEqualTo(expected);

    HttpResponse<String> json = api.get("/api/v1/db/tables/people/export?format=json&" + view);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    assertThat(Json.tree(json.body())).isEqualTo(Json.tree(Json.write(api.records("people", view))));
    // nothing matches: the header line alone, an empty array
    assertThat(api.get("/api/v1/db/tables/people/export?age=gt.1000").body()).isEqualTo("id,name,city,age,bio\r\n");
    assertThat(api.get("/api/v1/db/tables/people/export?format=json&age=gt.1000").body().strip()).isEqualTo("[]");

    // refusals are the API's one-line JSON errors, not downloads
    assertThat(api.get("/api/v1/db/tables/people/export?nope=eq.1")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(Json.tree(r.body()).path("error").path("code").asText()).isEqualTo("COLUMN_NOT_FOUND");
      assertThat(r.headers().firstValue("content-disposition")).isEmpty();
    });
    assertThat(api.get("/api/v1/db/tables/nothing_here/export").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/db/tables/people/export?format=xml")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(Json.tree(r.body()).path("error").path("code").asText()).isEqualTo("INVALID_PARAMETER");
    });
    // the token rules of every read
    assertThat(new AdminApiCalls(server.url(), "not-the-token").get("/api/v1/db/tables/people/export").statusCode())
        .isEqualTo(401);
    assertThat(new AdminApiCalls(readOnlyServer.url(), "").get("/api/v1/db/tables/people/export").statusCode())
        .isEqualTo(200);
  }

  @Test
  void exportRoute_100kRows_streamedInChunks() throws SQLException, IOException {
    int count = 100_000;
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE export_big (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL)");
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO export_big VALUES (?, ?)")) {
        for (int i = 1; i <= count; i++) {
          insert.setInt(1, i);
          insert.setString(2, "row " + i);
          insert.addBatch();
          if (i % 10_000 == 0) {
            insert.executeBatch();
          }
        }
      }
      connection.commit();
    }
    HttpResponse<InputStream> response = api.stream("/api/v1/db/tables/export_big/export?format=csv&sort_by=-id");
    assertThat(response.statusCode()).isEqualTo(200);
    // streamed: no length known in advance, the body comes in chunks
    assertThat(response.headers().firstValue("content-length")).isEmpty();
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    long lines = 0;
    String first = null;
    String second = null;
    String last = null;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines++;
        if (lines == 1) {
          first = line;
        } else if (lines == 2) {
          second = line;
        }
        last = line;
      }
    }
    assertThat(lines).isEqualTo(count + 1);
    assertThat(first).isEqualTo("id,label");
    assertThat(second).isEqualTo(count + ",row " + count);
    assertThat(last).isEqualTo("1,row 1");
  }

  @Test
  void editRow_withTheToken_changesIt() {
    openWithToken(server, "/row/people/7");
    page.waitForLoad(0);
    WebElement city = browser.driver().findElement(By.id("edit-city"));
    city.clear();
    city.sendKeys("Tromsø");
    browser.driver().findElement(By.id("row-save")).click();
    browser.until(d -> page.text("#row-status").contains("saved"));
    assertThat(page.text("#row-detail dd[data-column='city']")).isEqualTo("Tromsø");
    assertThat(api.json("/api/v1/db/tables/people/rows/7").path("record").path("city").asText()).isEqualTo("Tromsø");
    browser.screenshot("row-edited");
  }

  @Test
  void editRow_withoutTheToken_isRefusedWithTheReason() {
    String before = api.json("/api/v1/db/tables/people/rows/8").path("record").path("city").asText();
    // the server with a token shows nothing without it, and says why
    open(server, "/row/people/8");
    assertThat(page.text("#mode")).contains("needs its admin token");
    assertThat(page.text("#view")).contains("needs its admin token");
    assertThat(browser.driver().findElements(By.id("row-save"))).isEmpty();
    // a wrong token is not taken for the right one
    page.enterToken("not-the-token");
    browser.until(d -> page.text("#mode").contains("not the admin token"));
    assertThat(browser.driver().findElements(By.id("row-save"))).isEmpty();
    // the server without a token shows the row, read-only, with the reason beside the disabled controls
    open(readOnlyServer, "/row/people/8");
    page.waitForLoad(0);
    assertThat(browser.driver().findElement(By.id("row-save")).isEnabled()).isFalse();
    assertThat(browser.driver().findElement(By.id("edit-city")).isEnabled()).isFalse();
    assertThat(page.text("#write-reason")).contains("without an admin token");
    assertThat(api.json("/api/v1/db/tables/people/rows/8").path("record").path("city").asText()).isEqualTo(before);
    browser.screenshot("row-read-only");
  }

  @Test
  void insertThenDelete_withTheToken() {
    openWithToken(server, "/table/people");
    page.waitForLoad(0);
    int loads = page.loads();
    browser.driver().findElement(By.id("insert-link")).click();
    browser.until(d -> !d.findElements(By.id("row-insert")).isEmpty());
    browser.driver().findElement(By.id("insert-id")).sendKeys("900");
    browser.driver().findElement(By.id("insert-name")).sendKeys("Inserted");
    browser.driver().findElement(By.id("insert-city")).sendKeys("Quito");
    browser.driver().findElement(By.id("insert-age")).sendKeys("33");
    browser.driver().findElement(By.cssSelector("#row-insert button[type='submit']")).click();
    page.waitForLoad(loads);
    assertThat(page.text("#row-detail dd[data-column='city']")).isEqualTo("Quito");
    assertThat(api.json("/api/v1/db/tables/people/rows/900").path("record").path("age").asInt()).isEqualTo(33);
    // deleting asks first; dismissed, nothing happens
    browser.driver().findElement(By.id("row-delete")).click();
    browser.until(ExpectedConditions.alertIsPresent()).dismiss();
    assertThat(api.status("/api/v1/db/tables/people/rows/900")).isEqualTo(200);
    loads = page.loads();
    browser.driver().findElement(By.id("row-delete")).click();
    browser.until(ExpectedConditions.alertIsPresent()).accept();
    page.waitForLoad(loads);
    assertThat(api.status("/api/v1/db/tables/people/rows/900")).isEqualTo(404);
  }

  @Test
  void keys_setWithTtlAndDelete_withTheToken() {
    openWithToken(server, "/kv");
    page.waitForLoad(0);
    int loads = page.loads();
    browser.driver().findElement(By.id("kv-set-key")).sendKeys("console:new");
    browser.driver().findElement(By.id("kv-set-value")).sendKeys("[1, 2, 3]");
    browser.driver().findElement(By.id("kv-set-ttl")).sendKeys("300");
    browser.driver().findElement(By.cssSelector("#kv-set button[type='submit']")).click();
    page.waitForLoad(loads);
    assertThat(page.text("#kv-key-name")).isEqualTo("console:new");
    assertThat(page.text("#kv-value")).isEqualTo("[\n  1,\n  2,\n  3\n]");
    assertThat(page.text("#kv-ttl")).startsWith("expires in");
    assertThat(store.get("console:new")).contains("[1, 2, 3]");
    loads = page.loads();
    browser.driver().findElement(By.id("kv-delete")).click();
    browser.until(ExpectedConditions.alertIsPresent()).accept();
    page.waitForLoad(loads);
    assertThat(store.get("console:new")).isEmpty();
  }

  @Test
  void keys_browsedByPrefix_pageByPage() {
    openWithToken(server, "/kv");
    page.waitForLoad(0);
    int loads = page.loads();
    WebElement prefix = browser.driver().findElement(By.id("kv-prefix"));
    prefix.sendKeys("console:item:", Keys.ENTER);
    page.waitForLoad(loads);
    List<String> seen = new ArrayList<>(page.keysShown());
    while (browser.driver().findElement(By.id("kv-next")).isEnabled()) {
      page.clickAndWait("#kv-next");
      seen.addAll(page.keysShown());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 30).mapToObj("console:item:%02d"::formatted).toList());
    // back to the prefix console: and a JSON value, pretty-printed
    loads = page.loads();
    prefix.clear();
    prefix.sendKeys("console:", Keys.ENTER);
    page.waitForLoad(loads);
    page.showKey("console:json");
    assertThat(page.text("#kv-value")).isEqualTo("{\n  \"name\": \"Ada\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"n\": 1\n}");
    page.showKey("console:ttl");
    assertThat(page.text("#kv-ttl")).startsWith("expires in");
    page.showKey("console:binary");
    assertThat(page.text("#kv-value")).startsWith("000000  00 01 02 41 42 c3 bf");
    browser.screenshot("keys");
  }

  @Test
  void hostileValues_renderAsText() {
    openTable();
    int loads = page.loads();
    page.filter("id", "eq", Integer.toString(HOSTILE_ID));
    page.waitForLoad(loads);
    List<List<String>> rows = page.rowCells();
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.get(2)).isEqualTo(HOSTILE_NAME);
      assertThat(row.get(3)).isEqualTo(HOSTILE_CITY);
      assertThat(row.get(5)).isEqualTo("<b>not bold</b>");
    });
    assertThat(page.count("#rows img, #rows script, #rows b")).isZero();
    browser.screenshot("hostile-row");
    loads = page.loads();
    browser.driver().findElement(By.cssSelector("#rows tbody a")).click();
    page.waitForLoad(loads);
    assertThat(page.text("#row-detail dd[data-column='name']")).isEqualTo(HOSTILE_NAME);
    assertThat(page.count("#row-detail img, #row-detail script")).isZero();
    open(server, "/kv");
    page.enterToken(TOKEN);
    page.waitForLoad(0);
    page.showKey("console:hostile");
    assertThat(page.text("#kv-value")).isEqualTo(HOSTILE_CITY);
    assertThat(page.count("#kv-detail img")).isZero();
    assertThat(browser.driver().executeScript("return window.cairnPwned === undefined")).isEqualTo(true);
  }

  @Test
  void metricsPage_drawsRefreshingCharts() {
    openWithToken(server, "/monitor");
    browser.until(d -> page.loads() >= 3);
    assertThat(page.text("#health-status")).startsWith("overall up");
    assertThat(page.text("#chart-db-latency-latest")).endsWith("ms");
    assertThat(page.text("#chart-kv-latency-latest")).endsWith("ms");
    assertThat(page.text("#chart-requests-latest")).endsWith("/s");
    // the canvas really holds a line: some pixel is not transparent
    Object drawn = browser.driver().executeScript("const c = document.getElementById('chart-db-latency');"
        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true; return false;");
    assertThat(drawn).isEqualTo(true);
    browser.screenshot("metrics");
  }

  @Test
  void schema_showsKeysIndexesAndForeignKeysWithLinks() {
    openWithToken(server, "/schema/orders");
    page.waitForLoad(0);
    assertThat(page.text("#view")).contains("person_id").contains("people(id)");
    openWithToken(server, "/row/orders/2");
    page.waitForLoad(0);
    int loads = page.loads();
    browser.driver().findElement(By.cssSelector("#row-detail dd[data-column='person_id'] a")).click();
    page.waitForLoad(loads);
    assertThat(page.ids()).containsExactly("6");
    browser.screenshot("foreign-key");
  }

  @Test
  void subjects_editAProperty() {
    api.send("PUT", "/api/v1/subjects/user-1/email", "{\"value\": \"ann@example.com\"}");
    api.send("PUT", "/api/v1/subjects/user-1/plan?ext=true", "{\"value\": {\"tier\": \"gold\"}}");
    openWithToken(server, "/subjects");
    browser.driver().findElement(By.id("subject-name")).sendKeys("user-1", Keys.ENTER);
    browser.until(d -> page.text("#subject-detail").contains("ann@example.com"));
    assertThat(page.text("#subject-detail")).contains("Extended properties").contains("{\"tier\":\"gold\"}");
    browser.driver().findElement(By.cssSelector("#subject-detail button[aria-label='Edit email']")).click();
    WebElement value = browser.driver().findElement(By.id("subject-value"));
    value.clear();
    value.sendKeys("\"bea@example.com\"");
    browser.driver().findElement(By.cssSelector("#subject-edit button[type='submit']")).click();
    browser.until(d -> page.text("#subject-detail").contains("bea@example.com"));
    assertThat(api.json("/api/v1/subjects/user-1").path("properties").path("email").asText()).isEqualTo("bea@example.com");
    browser.screenshot("subject");
  }

  @Test
  void migrations_withoutARegistry_sayWhy() {
    openWithToken(server, "/migrations");
    browser.until(d -> page.text("#view").contains("No named databases"));
    browser.screenshot("migrations");
  }

  /**
   * The SQL page (issue 15): a select shows its rows as text; a delete is refused by the database's read-only
   * transaction, the error is shown and the row is still there; a server without a token says why it has none.
   */
  @Test
  void sqlConsole_selectShowsRows_deleteIsRefused() {
    openWithToken(server, "/sql");
    browser.until(d -> !d.findElements(By.id("sql-input")).isEmpty());
    int loads = page.loads();
    WebElement input = browser.driver().findElement(By.id("sql-input"));
    input.sendKeys("SELECT id, name FROM people WHERE id <= 3 OR id = " + HOSTILE_ID + " ORDER BY id");
    browser.driver().findElement(By.id("sql-run")).click();
    page.waitForLoad(loads);
    assertThat(page.cells("#sql-rows tbody tr")).containsExactly(List.of("1", "person 01"),
        List.of("2", "person 02"), List.of("3", "person 03"), List.of(String.valueOf(HOSTILE_ID), HOSTILE_NAME));
    assertThat(page.text("#sql-summary")).contains("4 rows");
    browser.screenshot("sql-select");

    // no rows: the headers still show
    loads = page.loads();
    input.clear();
    input.sendKeys("SELECT id, name FROM people WHERE id < 0");
    browser.driver().findElement(By.id("sql-run")).click();
    page.waitForLoad(loads);
    assertThat(page.cells("#sql-rows thead tr")).containsExactly(List.of("id", "name"));
    assertThat(page.cells("#sql-rows tbody tr")).isEmpty();
    assertThat(page.text("#sql-summary")).contains("0 rows");
    browser.screenshot("sql-no-rows");

    loads = page.loads();
    input.clear();
    input.sendKeys("DELETE FROM people WHERE id = 2 RETURNING id");
    browser.driver().findElement(By.id("sql-run")).click();
    page.waitForLoad(loads);
    assertThat(page.text("#sql-result")).contains("READ_ONLY_QUERY").contains("read-only");
    assertThat(api.status("/api/v1/db/tables/people/rows/2")).isEqualTo(200);
    browser.screenshot("sql-delete-refused");

    open(readOnlyServer, "/sql");
    browser.until(d -> page.text("#view").contains("needs a server started with an admin token"));
    assertThat(browser.driver().findElements(By.id("sql-input"))).isEmpty();
  }

  @Test
  void everyControlHasALabel_andTheTableWorksByKeyboard() {
    for (String route : List.of("/tables", "/table/people", "/schema/people", "/row/people/3", "/insert/people", "/kv",
        "/subjects", "/vectors", "/vectors/docs/north", "/migrations", "/monitor", "/sql")) {
      openWithToken(server, route);
      browser.until(d -> !page.text("#view").contains("Loading"));
      Object unlabelled = browser.driver().executeScript(
          "return [...document.querySelectorAll('input, select, textarea, button, canvas')].filter(e => {"
              + " if (e.tagName === 'BUTTON') return !(e.textContent.trim() || e.getAttribute('aria-label'));"
              + " if (e.tagName === 'CANVAS') return !e.getAttribute('aria-label');"
              + " return !(e.labels && e.labels.length) && !e.getAttribute('aria-label'); }).map(e => e.outerHTML);");
      assertThat((List<?>) unlabelled).as("controls without a label on " + route).isEmpty();
    }
    // keyboard alone: focus the filter value, type, Enter adds the filter; Enter on a header sorts
    openWithToken(server, "/table/people");
    page.waitForLoad(0);
    int loads = page.loads();
    WebElement value = browser.driver().findElement(By.id("filter-value"));
    browser.driver().findElement(By.id("filter-column")).sendKeys("city");
    value.sendKeys("Lima", Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(page.rowCells()).isNotEmpty().allSatisfy(row -> assertThat(row.get(3)).isEqualTo("Lima"));
    loads = page.loads();
    page.header("age").sendKeys(Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(page.ariaSort("age")).isEqualTo("ascending");
    // shift+Enter on a header adds a second key, as shift-click does
    loads = page.loads();
    page.header("name").sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    page.waitForLoad(loads);
    assertThat(page.ariaSort("age")).isEqualTo("ascending");
    assertThat(page.ariaSort("name")).isEqualTo("ascending");
  }

  @Test
  void vectors_collectionsThenAnItemsNeighboursWithScoresAndMetadata() {
    openWithToken(server, "/vectors");
    page.waitForLoad(0);
    assertThat(page.cells("#vector-collections tbody tr"))
        .containsExactlyInAnyOrder(List.of("docs", "3", "cosine", "4"), List.of("empty", "8", "l2", "0"));
    // look an item up by id, with the keyboard: the form's Enter
    int loads = page.loads();
    browser.driver().findElement(By.id("vector-collection")).sendKeys("docs");
    browser.driver().findElement(By.id("vector-id")).sendKeys("north", Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(page.text("#vector-item-id")).isEqualTo("north");
    assertThat(page.text("#vector-item dd[data-key='title']")).isEqualTo("North");
    List<List<String>> neighbours = page.cells("#vector-neighbours tbody tr");
    JsonNode expected = api.post("/api/v1/vectors/docs/search", "{\"vector\": [0, 1, 0], \"k\": 4}").path("matches");
    assertThat(neighbours).extracting(row -> row.get(1)).containsExactly("north-east", "up", "east");
    for (int i = 0; i < neighbours.size(); i++) {
      JsonNode match = expected.get(i + 1); // the first match is the item itself
      assertThat(neighbours.get(i).get(1)).isEqualTo(match.path("id").asText());
      assertThat(Double.parseDouble(neighbours.get(i).get(2))).isCloseTo(match.path("score").asDouble(),
          org.assertj.core.data.Offset.offset(1e-4));
      assertThat(Json.tree(neighbours.get(i).get(3))).isEqualTo(match.path("metadata"));
    }
    // metadata is text: the hostile title shows as its characters
    assertThat(neighbours.get(1).get(3)).contains(HOSTILE_NAME);
    assertThat(browser.driver().executeScript("return window.cairnPwned === undefined")).isEqualTo(true);
    browser.screenshot("vectors-neighbours");
    // a neighbour's link opens that item
    loads = page.loads();
    browser.driver().findElement(By.linkText("north-east")).click();
    page.waitForLoad(loads);
    assertThat(page.text("#vector-item-id")).isEqualTo("north-east");
    // an unknown id says so
    loads = page.loads();
    openWithToken(server, "/vectors/docs/nothing");
    page.waitForLoad(0);
    assertThat(page.text("#vector-detail")).contains("nothing");
    // the same token rules as every page: nothing without the token on a server that has one
    open(server, "/vectors");
    assertThat(page.text("#view")).contains("needs its admin token");
  }

  /**
   * Keyboard alone, from the top of the page: Tab reaches the menu, Enter follows a link; in the table view Tab
   * reaches the filter's controls, the headers, the pager and the export in that order; Enter adds a filter and
   * sorts, Space pages forward.
   */
  @Test
  void keyboardAlone_tabReachesTheControls_enterAndSpaceActivateThem() {
    openWithToken(server, "/kv");
    page.waitForLoad(0);
    // a reload keeps the tab's token and starts with nothing focused
    browser.driver().navigate().refresh();
    browser.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    // Tab from the start: the skip link, the menu's links
    List<String> order = tabOrder(12);
    assertThat(order).containsSubsequence("a:Skip to content", "a:Tables", "a:Keys", "a:Subjects", "a:Vectors",
        "a:Migrations", "a:SQL", "a:Health & metrics", "input:token-input", "button:token-save");
    // back to the first menu link and Enter on it: the tables page
    focusByTab("a:Tables");
    int loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/tables");
    // the table's link, then Enter: the table view
    focusByTab("a:people");
    loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/table/people");
    List<String> controls = tabOrder(40);
    assertThat(controls).containsSubsequence("select:filter-column", "select:filter-op", "input:filter-value",
        "button:filter-add", "button:id", "button:name", "button:city", "button:age", "button:page-next",
        "button:export-csv", "button:export-json");
    // filter: choose the column by typing on the focused select, type the value, Enter
    focusByTab("select:filter-column");
    browser.driver().switchTo().activeElement().sendKeys("city");
    focusByTab("input:filter-value");
    loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys("Oslo", Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(page.rowCells()).isNotEmpty().allSatisfy(row -> assertThat(row.get(3)).isEqualTo("Oslo"));
    // sort: Enter on a header, then Space on it reverses
    focusByTab("button:age");
    loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(page.ariaSort("age")).isEqualTo("ascending");
    focusByTab("button:age");
    loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
    page.waitForLoad(loads);
    assertThat(page.ariaSort("age")).isEqualTo("descending");
    // Enter on the filter's remove button, then Space on the pager's next button pages forward
    focusByTab("button:×");
    loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    page.waitForLoad(loads);
    assertThat(page.text("#filters")).isEmpty();
    focusByTab("button:page-next");
    loads = page.loads();
    browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
    page.waitForLoad(loads);
    assertThat(page.text("#page-label")).startsWith("Page 2");
    browser.screenshot("keyboard-alone");
  }

  /** The next {@code steps} elements Tab focuses, as "tag:id" or "tag:text" (for links and buttons without id). */
  private List<String> tabOrder(int steps) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      order.add(focused());
    }
    return order;
  }

  /** Presses Tab (at most 80 times) until {@code target} ("tag:id" or "tag:text") has the focus. */
  private void focusByTab(String target) {
    for (int i = 0; i < 80; i++) {
      if (focused().equals(target)) {
        return;
      }
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached " + target);
  }

  private String focused() {
    return (String) browser.driver().executeScript("const e = document.activeElement;"
        + " if (!e || e === document.body) return 'body';"
        + " const name = e.dataset.column || e.id || e.textContent.trim();"
        + " return e.tagName.toLowerCase() + ':' + name;");
  }

  @Test
  void narrowScreen_hasNoSidewaysScrollingPage() {
    ChromeDriver driver = browser.driver();
    Dimension wide = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(390, 844));
      openWithToken(server, "/table/people");
      page.waitForLoad(0);
      Object overflow = driver.executeScript(
          "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
      assertThat(overflow).isEqualTo(false);
      browser.screenshot("narrow-table");
    } finally {
      driver.manage().window().setSize(wide);
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  void open(AdminServer target, String route) {
    page.open(target.url(), route);
  }

  void openWithToken(AdminServer target, String route) {
    page.openWithToken(target.url(), route, TOKEN);
  }

  void openTable() {
    openWithToken(server, "/table/people");
    page.waitForLoad(0);
  }

  static List<String> range(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
  }
}
