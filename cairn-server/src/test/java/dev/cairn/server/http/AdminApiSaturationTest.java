package dev.cairn.server.http;

import static dev.cairn.server.http.AdminApiConformance.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Result;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import dev.cairn.subject.Subjects;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API under saturation on SQLite files: writers waiting for SQLite's write lock (held by another
 * connection, as another process would) sit in SQLite's busy handler in native code, which pins a virtual thread's
 * carrier. The server must keep answering health, metrics and key lookups, bound the queue of waiting writers
 * (503 + Retry-After beyond it), give up on queued work past the request deadline or whose client left, and say
 * "degraded" rather than "down" on /health.
 *
 * <p>Bounds of a few seconds here are the behaviour under test (an answer at all, while the old server froze for
 * 25 s and more), not performance figures.
 */
class AdminApiSaturationTest {
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  @TableName("invoices")
  record Invoice(@Id Long id, String customer, long cents) {}

  @TempDir
  Path directory;

  private final ExecutorService clients = Executors.newFixedThreadPool(16);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    clients.shutdownNow();
    for (AutoCloseable closeable : open.reversed()) {
      closeable.close();
    }
  }

  /**
   * A server over main.db (users, one row) with a registry holding billing.db (invoices). main.db's busy timeout is
   * long, so its writers outwait the locks these tests hold for a few seconds instead of failing busy.
   */
  private ApiClient start(AdminConfig config, int poolSize) {
    Database main = keep(Database.open(DatabaseConfig.of("sqlite:" + mainFile()).withPoolSize(poolSize)
        .withConnectTimeout(Duration.ofSeconds(20)).withOperationTimeout(Duration.ofSeconds(20))));
    main.table(ApiUser.class).create().orElseThrow();
    main.table(ApiUser.class).insert(new ApiUser(null, "first", "first@example.com", 1, null)).orElseThrow();
    Databases registry = keep(Databases.open(DatabasesConfig.of("sqlite:" + directory.resolve("data"))
        .withTables(Map.of("framework", List.of(), "billing", List.of(Invoice.class)))));
    registry.get("billing").orElseThrow();
    KeyValue store = keep(KeyValue.open("memory:"));
    Subjects subjects = keep(Subjects.inMemory());
    AdminServer server = keep(AdminServer.start(config,
        AdminStores.of(main, store).withSubjects(subjects).withRegistry(registry)));
    return new ApiClient(server.url(), AdminApiConformance.TOKEN);
  }

  private Path mainFile() {
    return directory.resolve("main.db");
  }

  private Path billingFile() {
    return directory.resolve("data").resolve("billing.db");
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private CompletableFuture<Response> async(ApiClient api, String method, String path, String body) {
    return CompletableFuture.supplyAsync(() -> api.send(method, path, body), clients);
  }

  private static String user(String name) {
    return "{\"name\": \"" + name + "\", \"email\": \"" + name + "@example.com\", \"age\": 5}";
  }

  private static int rowsNamed(ApiClient api, String name) {
    return api.get("/api/v1/db/tables/users?name=eq." + name).json().path("records").size();
  }

  /** Lets the requests sent so far reach the server and start waiting (not an assertion on time). */
  private static void settle() throws InterruptedException {
    Thread.sleep(700);
  }

  /** Waits until the server's default database has at least these calls running and waiting (its /health). */
  private static void awaitCalls(ApiClient api, int running, int waiting) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode database = null;
    while (System.nanoTime() < end) {
      database = api.get("/health").json().path("database");
      if (database.path("calls_running").asInt() >= running && database.path("calls_waiting").asInt() >= waiting) {
        return;
      }
      Thread.sleep(50);
    }
    fail("the database never had " + running + " calls running and " + waiting + " waiting: " + database);
  }

  @Test
  void writersBlockedOnTwoDatabases_healthMetricsAndKeyLookupStillAnswer() throws Exception {
    ApiClient api = start(AdminApiConformance.writable(), 4);
    List<CompletableFuture<Response>> writers = new ArrayList<>();
    try (SqliteWriteLock mainLock = new SqliteWriteLock(mainFile());
        SqliteWriteLock billingLock = new SqliteWriteLock(billingFile())) {
      for (int i = 0; i < 2; i++) {
        writers.add(async(api, "POST", "/api/v1/db/tables/users", user("blocked" + i)));
        writers.add(async(api, "POST", "/api/v1/db/tables/invoices?db=billing",
            "{\"customer\": \"c" + i + "\", \"cents\": 1}"));
      }
      settle();
      awaitCalls(api, 1, 1);

      // Before: both carrier threads sat in SQLite's busy handler and these got no answer for 25 s and more.
      Response health = api.send("GET", "/health", null, ANSWER_WITHIN);
      assertThat(health.status()).as(health.body()).isEqualTo(200);
      assertThat(api.send("GET", "/metrics", null, ANSWER_WITHIN).status()).isEqualTo(200);
      Response row = api.send("GET", "/api/v1/db/tables/users/rows/1", null, ANSWER_WITHIN);
      assertThat(row.json().path("record").path("name").asText()).as(row.body()).isEqualTo("first");
      mainLock.release();
      billingLock.release();
    }
    for (CompletableFuture<Response> writer : writers) {
      assertThat(writer.get(60, TimeUnit.SECONDS).status()).isPositive();
    }
  }

  @Test
  void queueFull_excessRequestsRefusedAtOnceWith503AndRetryAfter() throws Exception {
    RequestPolicy policy = RequestPolicy.defaults().withMaxQueuedCalls(2).withRequestTimeout(Duration.ofSeconds(30));
    ApiClient api = start(AdminApiConformance.writable().withRequestPolicy(policy), 2);
    List<CompletableFuture<Response>> writers = new ArrayList<>();
    try (SqliteWriteLock lock = new SqliteWriteLock(mainFile())) {
      writers.add(async(api, "POST", "/api/v1/db/tables/users", user("held")));
      awaitCalls(api, 1, 0);
      for (int i = 0; i < 2; i++) {
        writers.add(async(api, "POST", "/api/v1/db/tables/users", user("queued" + i)));
      }
      awaitCalls(api, 1, 2);
      for (int i = 0; i < 3; i++) {
        Response refused = api.send("POST", "/api/v1/db/tables/users", user("excess" + i), ANSWER_WITHIN);
        expectError(refused, 503, "OVERLOADED");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
      }
      // reads have a lane of their own and still answer
      assertThat(api.send("GET", "/api/v1/db/tables/users/rows/1", null, ANSWER_WITHIN).status()).isEqualTo(200);
      lock.release();
    }
    for (CompletableFuture<Response> writer : writers) {
      assertThat(writer.get(60, TimeUnit.SECONDS).status()).isPositive();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(rowsNamed(api, "excess" + i)).isZero();
    }
  }

  @Test
  void health_keyValueStoreClosed_down503() {
    Database main = keep(Database.open("sqlite:" + mainFile()));
    KeyValue store = KeyValue.open("memory:");
    store.close();
    AdminServer server = keep(AdminServer.start(AdminApiConformance.writable(), AdminStores.of(main, store)));

    Response health = new ApiClient(server.url(), null).send("GET", "/health", null, ANSWER_WITHIN);

    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().path("status").asText()).isEqualTo("down");
    assertThat(health.json().path("kv").path("status").asText()).isEqualTo("down");
    assertThat(health.json().path("database").path("status").asText()).isEqualTo("up");
  }

  @Test
  void writerQueuedPastTheDeadline_503AndNeverWritten() throws Exception {
    ApiClient api = start(AdminApiConformance.writable(), 2);
    CompletableFuture<Response> running;
    try (SqliteWriteLock lock = new SqliteWriteLock(mainFile())) {
      running = async(api, "POST", "/api/v1/db/tables/users", user("running"));
      awaitCalls(api, 1, 0);
      // The default deadline is a few seconds; before, this waited for the lock as long as SQLite let it.
      Response queued = api.send("POST", "/api/v1/db/tables/users", user("late"), Duration.ofSeconds(15));
      expectError(queued, 503, "DEADLINE_EXCEEDED");
      assertThat(queued.header("Retry-After")).isNotNull();
      lock.release();
    }
    assertThat(running.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(api.send("POST", "/api/v1/db/tables/users", user("marker")).status()).isEqualTo(201);
    assertThat(rowsNamed(api, "late")).isZero();
  }

  @Test
  void clientGoneWhileQueued_writeNeverRuns() throws Exception {
    ApiClient api = start(AdminApiConformance.writable(), 2);
    URLParts server = URLParts.of(api.base());
    CompletableFuture<Response> running;
    try (SqliteWriteLock lock = new SqliteWriteLock(mainFile())) {
      running = async(api, "POST", "/api/v1/db/tables/users", user("holder"));
      awaitCalls(api, 1, 0);
      String body = user("gone");
      try (Socket socket = new Socket(server.host(), server.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/db/tables/users HTTP/1.1\r\nHost: " + server.host() + "\r\nAuthorization: Bearer "
            + AdminApiConformance.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        awaitCalls(api, 1, 1);
      }
      settle();
      lock.release();
    }
    assertThat(running.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(api.send("POST", "/api/v1/db/tables/users", user("after")).status()).isEqualTo(201);
    assertThat(rowsNamed(api, "gone")).as("the write of a client that left before it started").isZero();
  }

  @Test
  void duplicateIdempotencyKeyWhileFirstRuns_409InUse_thenReplayed() throws Exception {
    ApiClient api = start(AdminApiConformance.writable(), 2);
    Map<String, String> key = Map.of("Idempotency-Key", "order-42");
    CompletableFuture<Response> first;
    try (SqliteWriteLock lock = new SqliteWriteLock(mainFile())) {
      first = CompletableFuture.supplyAsync(
          () -> api.send("POST", "/api/v1/db/tables/users", user("idem"), key), clients);
      awaitCalls(api, 1, 0);
      CompletableFuture<Response> duplicate = CompletableFuture.supplyAsync(
          () -> api.send("POST", "/api/v1/db/tables/users", user("idem"), key), clients);
      expectError(duplicate.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS), 409, "IDEMPOTENCY_KEY_IN_USE");
      lock.release();
    }
    Response created = first.get(60, TimeUnit.SECONDS);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Response replayed = api.send("POST", "/api/v1/db/tables/users", user("idem"), key);
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.body()).isEqualTo(created.body());
    assertThat(rowsNamed(api, "idem")).isEqualTo(1);
  }

  @Test
  void health_writersQueued_degradedWith200() throws Exception {
    ApiClient api = start(AdminApiConformance.writable(), 2);
    try (SqliteWriteLock lock = new SqliteWriteLock(mainFile())) {
      async(api, "POST", "/api/v1/db/tables/users", user("w1"));
      async(api, "POST", "/api/v1/db/tables/users", user("w2"));
      awaitCalls(api, 1, 1);

      Response health = api.send("GET", "/health", null, ANSWER_WITHIN);
      assertThat(health.status()).as(health.body()).isEqualTo(200);
      JsonNode body = health.json();
      assertThat(body.path("status").asText()).as(health.body()).isEqualTo("degraded");
      assertThat(body.path("database").path("status").asText()).isEqualTo("degraded");
      assertThat(body.path("database").path("reason").asText()).isNotBlank();
      assertThat(body.path("kv").path("status").asText()).isEqualTo("up");
      lock.release();
    }
  }

  @Test
  void health_everyReaderConnectionTaken_answersQuicklyDegraded() throws Exception {
    Database main = keep(Database.open(DatabaseConfig.of("sqlite:" + directory.resolve("readers.db"))
        .withPoolSize(2).withConnectTimeout(Duration.ofSeconds(2)).withOperationTimeout(Duration.ofSeconds(2))));
    main.table(ApiUser.class).create().orElseThrow();
    KeyValue store = keep(KeyValue.open("memory:"));
    RequestPolicy policy = RequestPolicy.defaults().withHealthTimeout(Duration.ofMillis(1_500));
    AdminServer server = keep(AdminServer.start(AdminApiConformance.writable().withRequestPolicy(policy),
        AdminStores.of(main, store)));
    ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      clients.submit(() -> main.readOnlyTransaction(tx -> {
        holding.countDown();
        await(release);
        return Result.ok(0);
      }));
    }
    try {
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      // Before: /health waited the pool's full connection timeout, then said "down" with 503.
      Response health = api.send("GET", "/health", null, ANSWER_WITHIN);
      assertThat(health.status()).as(health.body()).isEqualTo(200);
      assertThat(health.json().path("status").asText()).as(health.body()).isEqualTo("degraded");
      // Later ones share the check still running, which ends when the pool gives up (2 s, the operation timeout):
      // then busy, not down. Asked a few times, because a loaded machine may answer before the pool gave up.
      Response later = api.send("GET", "/health", null, ANSWER_WITHIN);
      for (int asked = 1; asked < 10 && !later.json().path("database").path("reason").asText().contains("busy");
          asked++) {
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        later = api.send("GET", "/health", null, ANSWER_WITHIN);
      }
      assertThat(later.status()).as(later.body()).isEqualTo(200);
      assertThat(later.json().path("database").path("reason").asText()).as(later.body()).contains("busy");
    } finally {
      release.countDown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Host and port of the server's URL, for the raw socket. */
  private record URLParts(String host, int port) {
    static URLParts of(String url) {
      java.net.URI uri = java.net.URI.create(url);
      return new URLParts(uri.getHost(), uri.getPort());
    }
  }
}
