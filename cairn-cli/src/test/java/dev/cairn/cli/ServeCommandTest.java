package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal = new Terminal(
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir
  Path directory;

  @Test
  void serve_noConfiguration_sqliteUnderDataDirAndMemoryStore_stopsGracefully() throws Exception {
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_DATA_DIR", directory.resolve("data").toString()));
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, "serve", "--port", "0"));
      String url = awaitUrl();
      assertThat(url).startsWith("http://127.0.0.1:");
      String status = get(url + "/api/v1/db/status");
      assertThat(status).contains("\"status\":\"connected\"", "cairn.db");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("memory:", "read-only");
      assertThat(Files.exists(directory.resolve("data").resolve("cairn.db"))).isTrue();
      // No registry unless --named-databases: browsing leaves no framework.db beside the file.
      assertThat(get(url + "/api/v1/db/databases")).contains("DATABASE_NOT_FOUND");
      assertThat(Files.exists(directory.resolve("data").resolve("framework.db"))).isFalse();
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void serve_namedDatabases_opensTheRegistryBesideTheFile() throws Exception {
    Path data = Files.createDirectories(directory.resolve("data"));
    ServeCommand serve = new ServeCommand(Map.of());
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, "serve", "--port", "0", "--create", "--named-databases",
          "--db", "sqlite:" + data.resolve("cairn.db")));
      String url = awaitUrl();
      assertThat(get(url + "/api/v1/db/databases")).contains("\"framework\"");
      assertThat(get(url + "/api/v1/db/tables?db=framework")).contains("\"tables\"");
      assertThat(data.resolve("framework.db")).exists();
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void serve_noVectorConfiguration_answersSearchOnEmbeddedStoreUnderDataDir() throws Exception {
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_DATA_DIR", directory.resolve("data").toString(),
        "CAIRN_ADMIN_TOKEN", "t".repeat(16)));
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, "serve", "--port", "0"));
      String url = awaitUrl();
      assertThat(send(authorized(url + "/api/v1/vectors/docs", "PUT", "{\"dimension\": 2, \"metric\": \"l2\"}"))
          .statusCode()).isEqualTo(201);
      assertThat(send(authorized(url + "/api/v1/vectors/docs/items/a", "PUT", "{\"vector\": [1, 2]}")).statusCode())
          .isEqualTo(200);

      HttpResponse<String> search = send(authorized(url + "/api/v1/vectors/docs/search", "POST",
          "{\"vector\": [1, 2], \"k\": 1}"));

      assertThat(search.body()).contains("\"id\":\"a\"");
      assertThat(Files.exists(directory.resolve("data").resolve("vectors").resolve("docs"))).isTrue();
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  private static HttpRequest authorized(String url, String method, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + "t".repeat(16))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
  }

  @Test
  void serve_nonLoopbackWithoutToken_usageError() {
    int code = run(new ServeCommand(Map.of()), "serve", "--bind", "0.0.0.0", "--port", "0");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("CAIRN_ADMIN_TOKEN").doesNotContain("\tat ");
  }

  @Test
  void serve_negativeQueueOrBadTimeout_usageError() {
    assertThat(run(new ServeCommand(Map.of()), "serve", "--port", "0", "--max-queued", "-1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("maxQueuedCalls");
    assertThat(run(new ServeCommand(Map.of()), "serve", "--port", "0", "--request-timeout", "0s"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void serve_keyValueUrlAsDatabase_usageError_passwordMasked() {
    int code = run(new ServeCommand(Map.of()), "serve", "--db", "redis://admin:hunter2@127.0.0.1:6379");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SQL").doesNotContain("hunter2");
  }

  @Test
  void serve_tokenFromEnvironment_protectsEndpointsAndAllowsWrites() throws Exception {
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_DATABASE_URL", "sqlite::memory:", "CAIRN_ADMIN_TOKEN", "t".repeat(16)));
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, "serve", "--port", "0"));
      String url = awaitUrl();
      HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(url + "/api/v1/db/tables")).build());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("writes allowed");
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void serve_allowedHosts_fromOptionAndEnvironment_answeredOthersRefused() throws Exception {
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_DATABASE_URL", "sqlite::memory:",
        "CAIRN_ALLOWED_HOSTS", "from-env.example"));
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, "serve", "--port", "0", "--allowed-host",
          "cairn.internal,Admin.Example"));
      int port = URI.create(awaitUrl()).getPort();
      assertThat(statusFor(port, "cairn.internal:" + port)).isEqualTo(200);
      assertThat(statusFor(port, "admin.example")).isEqualTo(200);
      // The option replaces the environment's list, as for every other setting.
      assertThat(statusFor(port, "from-env.example")).isEqualTo(403);
      assertThat(statusFor(port, "evil.example:" + port)).isEqualTo(403);
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
    ServeCommand fromEnvironment = new ServeCommand(Map.of("CAIRN_DATABASE_URL", "sqlite::memory:",
        "CAIRN_ALLOWED_HOSTS", " from-env.example , other.example"));
    out.reset();
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(fromEnvironment, "serve", "--port", "0"));
      int port = URI.create(awaitUrl()).getPort();
      assertThat(statusFor(port, "from-env.example")).isEqualTo(200);
      assertThat(statusFor(port, "other.example:" + port)).isEqualTo(200);
      fromEnvironment.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void serve_allowedHostNotAName_usageError() {
    int code = run(new ServeCommand(Map.of()), "serve", "--port", "0", "--allowed-host", "http://x/y");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("allowed host 'http://x/y' is not a host name");
  }

  /** The status of GET /api/v1/db/tables sent with {@code host} (java.net.http will not send a chosen Host). */
  private static int statusFor(int port, String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET /api/v1/db/tables HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
          .lines().findFirst().orElse("");
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  @Test
  void serve_distributedWithoutKvUrl_oneLineUsageError_createsNothing() throws Exception {
    Path data = directory.resolve("data");
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_MODE", "distributed", "CAIRN_DATA_DIR", data.toString()));

    int code = runToExit(serve, "serve", "--port", "0");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "cairn: CAIRN_MODE=distributed needs a Redis URL in CAIRN_KV_URL or REDIS_URL [KV_URL_MISSING]");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(data).doesNotExist();
  }

  @Test
  void serve_unknownMode_oneLineUsageError() throws Exception {
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_MODE", "cluster", "CAIRN_DATABASE_URL", "sqlite::memory:"));

    int code = runToExit(serve, "serve", "--port", "0");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "cairn: CAIRN_MODE is 'cluster'; expected single-node or distributed [INVALID_MODE]");
  }

  @Test
  void serve_singleNodeWithKvUrl_memoryStore() throws Exception {
    // single-node keeps state in this process even where the platform sets REDIS_URL (here one nobody listens on).
    ServeCommand serve = new ServeCommand(Map.of("CAIRN_MODE", "single-node", "REDIS_URL", "redis://127.0.0.1:1",
        "CAIRN_DATABASE_URL", "sqlite::memory:"));
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, "serve", "--port", "0"));
      awaitUrl();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("key-value memory:");
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  /** Runs a serve that is expected to refuse to start; one that starts anyway is stopped and fails the test. */
  private int runToExit(ServeCommand serve, String... args) throws Exception {
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, args));
      try {
        return exit.get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        serve.stop();
        throw new AssertionError("serve started instead of refusing: " + out.toString(StandardCharsets.UTF_8).strip());
      }
    }
  }

  private int run(ServeCommand serve, String... args) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == ServeCommand.class ? type.cast(serve) : CommandLine.defaultFactory().create(type);
      }
    };
    return CairnCli.configure(new CommandLine(new CairnCommand(terminal), factory), terminal).execute(args);
  }

  private String awaitUrl() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher matcher = URL.matcher(out.toString(StandardCharsets.UTF_8));
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no URL; stderr: " + err.toString(StandardCharsets.UTF_8));
  }

  private static String get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).build()).body();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
