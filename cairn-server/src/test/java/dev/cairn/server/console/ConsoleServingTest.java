package dev.cairn.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.server.http.AdminStores;
import dev.cairn.sql.Database;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the console's files are served, without a browser: a strict Content-Security-Policy, the page never cached
 * and the versioned files cached for a year, open without the token while the API keeps asking for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleServingTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SCRIPT = Pattern.compile("src=\"(/console/([0-9a-f]+)/app\\.js)\"");

  @TempDir
  static Path directory;

  private Database database;
  private KeyValue store;
  private AdminServer server;

  @BeforeAll
  void start() {
    database = Database.open("sqlite:" + directory.resolve("serving.db"));
    store = KeyValue.open("memory:");
    server = AdminServer.start(
        AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken("serving-test-token-16"),
        AdminStores.of(database, store));
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
    database.close();
  }

  @Test
  void page_isServedWithoutTheToken_neverCached_withAStrictPolicy() throws Exception {
    HttpResponse<String> page = get("/", Map.of());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
        "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    // no inline script or style: the policy would block them, so the page has none
    assertThat(page.body()).doesNotContain("<style", "style=\"", "onclick", "onload").containsOnlyOnce("<script");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/console/");
  }

  @Test
  void assets_areVersioned_andCachedForAYear() throws Exception {
    Matcher script = SCRIPT.matcher(get("/", Map.of()).body());
    assertThat(script.find()).isTrue();
    HttpResponse<String> app = get(script.group(1), Map.of());
    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(app.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
    assertThat(app.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> css = get("/console/" + script.group(2) + "/console.css", Map.of());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
  }

  @Test
  void anotherVersionOrFile_isNotFound() throws Exception {
    String version = version();
    assertThat(get("/console/000000000000/app.js", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/console/" + version + "/index.html", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/console/" + version + "/..%2Fconsole.css", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void theApi_stillNeedsTheToken() throws Exception {
    assertThat(get("/api/v1/db/tables", Map.of()).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/db/tables", Map.of("Authorization", "Bearer serving-test-token-16")).statusCode()).isEqualTo(200);
  }

  @Test
  void theHostCheck_coversTheConsoleToo() throws Exception {
    // DNS rebinding: a page under another name gets not even the console (java.net.http cannot set Host)
    assertThat(rawHostStatus("evil.example")).isEqualTo(403);
    assertThat(rawHostStatus("localhost")).isEqualTo(200);
  }

  private String version() throws Exception {
    Matcher script = SCRIPT.matcher(get("/", Map.of()).body());
    assertThat(script.find()).isTrue();
    return script.group(2);
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status of {@code GET /} sent with another Host header, over a plain socket. */
  private int rawHostStatus(String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
