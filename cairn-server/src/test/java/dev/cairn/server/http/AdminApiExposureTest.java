package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a web page or an anonymous client can make the server do: the {@code Host} check against DNS rebinding,
 * cross-origin refusals, and refusals that come before any body is read. Requests are written on raw sockets, since
 * java.net.http will not send a chosen {@code Host} header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiExposureTest {
  private static final String TOKEN = "exposure-token-0123";
  /** Over the 1 MiB body limit, under the 16 MiB that an authenticated client's refused body may be drained. */
  private static final long ANNOUNCED_BODY = 10_000_000;
  private Database database;
  private KeyValue store;
  private AdminServer open;
  private AdminServer withToken;

  @BeforeAll
  void start() {
    database = Database.open("sqlite::memory:");
    database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").orElseThrow();
    store = KeyValue.open("memory:");
    open = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0), AdminStores.of(database, store));
    withToken = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN),
        AdminStores.of(database, store));
  }

  @AfterAll
  void stop() {
    for (AutoCloseable resource : new AutoCloseable[] {open, withToken, store, database}) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void host_loopbackNames_answered() throws IOException {
    int port = open.port();
    for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "localhost",
        "LOCALHOST:" + port, "127.0.0.1")) {
      Raw response = Raw.send(open, "GET", "/api/v1/db/tables", Map.of("Host", host), null);
      assertThat(response.status()).as(host + ": " + response.body()).isEqualTo(200);
    }
  }

  /** A page on evil.example that re-pointed its name at 127.0.0.1 reads as evil.example: refused, on every path. */
  @Test
  void host_foreignName_403HostNotAllowed() throws IOException {
    int port = open.port();
    for (String host : List.of("evil.example:" + port, "evil.example", "localhost.evil.example:" + port,
        "127.0.0.1.nip.io:" + port, "127.0.0.2:" + port, "[::2]:" + port, "localhost.:" + port)) {
      for (String path : List.of("/api/v1/db/tables", "/api/v1/db/tables/notes", "/health", "/metrics",
          "/api/v1/kv/keys")) {
        Raw response = Raw.send(open, "GET", path, Map.of("Host", host), null);
        assertThat(response.status()).as(host + " " + path + ": " + response.body()).isEqualTo(403);
        assertThat(response.errorCode()).as(host + " " + path).isEqualTo("HOST_NOT_ALLOWED");
      }
    }
    // Host headers Jetty cannot parse never reach the API: refused too, as Jetty's 400.
    for (String malformed : List.of("localhost:x", "", "[::1")) {
      Raw response = Raw.send(open, "GET", "/api/v1/db/tables", Map.of("Host", malformed), null);
      assertThat(response.status()).as(malformed + ": " + response.body()).isIn(400, 403);
      assertThat(response.errorCode()).as(malformed).isIn("BAD_REQUEST", "HOST_NOT_ALLOWED");
    }
    Raw authenticated = Raw.send(withToken, "GET", "/api/v1/db/tables",
        Map.of("Host", "evil.example", "Authorization", "Bearer " + TOKEN), null);
    assertThat(authenticated.errorCode()).isEqualTo("HOST_NOT_ALLOWED");
  }

  @Test
  void host_configuredName_answered() throws IOException {
    AdminConfig config = AdminConfig.defaults().withBind("127.0.0.1", 0)
        .withAllowedHosts(List.of("cairn.internal", "Admin.Example"));
    try (AdminServer named = AdminServer.start(config, AdminStores.of(database, store))) {
      for (String host : List.of("cairn.internal:" + named.port(), "admin.example", "localhost:" + named.port())) {
        assertThat(Raw.send(named, "GET", "/api/v1/db/tables", Map.of("Host", host), null).status()).as(host)
            .isEqualTo(200);
      }
      assertThat(Raw.send(named, "GET", "/api/v1/db/tables", Map.of("Host", "evil.example"), null).errorCode())
          .isEqualTo("HOST_NOT_ALLOWED");
    }
  }

  @Test
  void origin_otherOrigin_403CrossOriginRefused() throws IOException {
    String self = "127.0.0.1:" + open.port();
    for (Map<String, String> headers : List.of(
        Map.of("Host", self, "Origin", "http://evil.example"),
        Map.of("Host", self, "Origin", "null"),
        Map.of("Host", self, "Origin", "http://127.0.0.1:" + (open.port() + 1)),
        Map.of("Host", self, "Origin", "http://localhost:" + open.port()),
        Map.of("Host", self, "Sec-Fetch-Site", "cross-site"),
        Map.of("Host", self, "Sec-Fetch-Site", "same-site"))) {
      for (String method : List.of("GET", "POST", "OPTIONS")) {
        Raw response = Raw.send(open, method, "/api/v1/db/tables/notes", headers, null);
        assertThat(response.status()).as(method + " " + headers + ": " + response.body()).isEqualTo(403);
        assertThat(response.errorCode()).as(method + " " + headers).isEqualTo("CROSS_ORIGIN_REFUSED");
        assertThat(response.headers()).as("no CORS grant").doesNotContainKey("access-control-allow-origin");
      }
    }
  }

  @Test
  void origin_sameOriginOrNone_answered() throws IOException {
    String self = "127.0.0.1:" + open.port();
    for (Map<String, String> headers : List.of(
        Map.of("Host", self, "Origin", "http://" + self),
        Map.of("Host", self, "Origin", "http://" + self, "Sec-Fetch-Site", "same-origin"),
        Map.of("Host", self, "Sec-Fetch-Site", "none"),
        Map.of("Host", self))) {
      Raw response = Raw.send(open, "GET", "/api/v1/db/tables", headers, null);
      assertThat(response.status()).as(headers + ": " + response.body()).isEqualTo(200);
      assertThat(response.headers()).doesNotContainKey("access-control-allow-origin");
    }
    Raw health = Raw.send(open, "GET", "/health", Map.of("Host", self, "Origin", "http://evil.example"), null);
    assertThat(health.status()).isEqualTo(200);
  }

  /**
   * The body is announced but never sent: a server that reads it before checking the token waits for it (before the
   * fix it drained up to 16 MiB for anyone), one that checks first answers 401 at once.
   */
  @Test
  void anonymousWrite_largeBody_401WithoutReadingIt() throws IOException {
    Raw response = Raw.sendHeadersOnly(withToken, "POST", "/api/v1/db/tables/notes", Map.of(), ANNOUNCED_BODY);
    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(response.headers().get("connection")).isEqualToIgnoringCase("close");
    Raw wrongToken = Raw.sendHeadersOnly(withToken, "PUT", "/api/v1/kv/keys/k",
        Map.of("Authorization", "Bearer wrong"), ANNOUNCED_BODY);
    assertThat(wrongToken.status()).isEqualTo(401);
    // /health needs no token, so whoever calls it is anonymous: its body is not drained either.
    Raw health = Raw.sendHeadersOnly(withToken, "GET", "/health", Map.of(), ANNOUNCED_BODY);
    assertThat(health.status()).as(health.body()).isEqualTo(413);
  }

  @Test
  void anonymousRequests_largeBodyOnServerWithoutToken_refusedWithoutReadingIt() throws IOException {
    Raw write = Raw.sendHeadersOnly(open, "POST", "/api/v1/db/tables/notes", Map.of(), ANNOUNCED_BODY);
    assertThat(write.status()).as(write.body()).isEqualTo(403);
    assertThat(write.errorCode()).isEqualTo("READ_ONLY");
    Raw read = Raw.sendHeadersOnly(open, "GET", "/api/v1/db/tables", Map.of(), ANNOUNCED_BODY);
    assertThat(read.status()).as(read.body()).isEqualTo(413);
    assertThat(read.errorCode()).isEqualTo("BODY_TOO_LARGE");
  }

  @Test
  void authenticatedWrite_largeBody_stillDrainedAnd413() throws IOException {
    Raw response = Raw.send(withToken, "POST", "/api/v1/db/tables/notes",
        Map.of("Authorization", "Bearer " + TOKEN), "{\"body\": \"" + "x".repeat(2_000_000) + "\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("BODY_TOO_LARGE");
  }

  /**
   * One HTTP/1.1 exchange on a fresh socket.
   *
   * @param headers response headers, names in lower case
   */
  record Raw(int status, Map<String, String> headers, String body) {
    // Generous: the bound only tells "answered without the body" from "waits for a body that never comes".
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    String errorCode() {
      JsonNode error = Json.tree(body).path("error");
      return error.path("code").asText();
    }

    static Raw send(AdminServer server, String method, String path, Map<String, String> headers, String body)
        throws IOException {
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      return exchange(server, method, path, headers, bytes.length, bytes);
    }

    /** Announces {@code contentLength} bytes of body and sends none of them. */
    static Raw sendHeadersOnly(AdminServer server, String method, String path, Map<String, String> headers,
        long contentLength) throws IOException {
      return exchange(server, method, path, headers, contentLength, new byte[0]);
    }

    private static Raw exchange(AdminServer server, String method, String path, Map<String, String> headers,
        long contentLength, byte[] body) throws IOException {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("Host", "127.0.0.1:" + server.port());
      all.putAll(headers);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (contentLength > 0) {
        request.append("Content-Type: application/json\r\nContent-Length: ").append(contentLength).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        try {
          out.write(body);
          out.flush();
        } catch (IOException refusedEarly) {
          // The server answered and closed before taking the whole body: read what it said.
        }
        return parse(readAll(socket.getInputStream()));
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer within " + READ_TIMEOUT_MILLIS + " ms to " + method + " " + path, e);
      }
    }

    private static byte[] readAll(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          bytes.write(buffer, 0, n);
        }
      } catch (java.net.SocketException reset) {
        // A reset after the answer: keep what arrived.
      }
      return bytes.toByteArray();
    }

    private static Raw parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as("a complete HTTP answer, got: %s", text).isPositive();
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1)
            .strip());
      }
      String body = text.substring(end + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
        if (size == 0) {
          return body.toString();
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }
  }
}
