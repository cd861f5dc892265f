package dev.cairn.bench.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.internal.HeapAllocation;
import dev.cairn.bench.internal.TimedSteps;
import dev.cairn.core.Json;
import dev.cairn.core.Result;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.server.http.AdminStores;
import dev.cairn.sql.Database;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code cairn bench http} workload: {@code connections} concurrent clients page through
 * {@code GET /api/v1/db/tables/users?page=..&page_size=50} for a fixed time ({@code wrk} when installed, else
 * {@code java.net.http} clients on virtual threads in this JVM; see {@link HttpBenchOptions.Loader}), then the same
 * page query runs through the library directly ({@code Rows.query}, its answer rendered to JSON bytes too) on as
 * many virtual threads, so the line shows what HTTP and routing cost on top of the query and its rendering. Both
 * sides report the heap bytes this JVM allocated per operation over their measured window.
 *
 * <p>Both sides run on the same database, one after the other, each after its own warm-up. Every request must
 * answer 200; a failure ends the run with an exception naming the status and the body's start.
 */
public final class HttpBench {
  private HttpBench() {}

  /**
   * Creates and fills {@code users} when missing, starts the admin API over {@code database} on a free loopback port
   * (read-only, no token: the workload only reads), measures both sides and stops the API.
   *
   * @throws IllegalStateException when a request or query fails, or the existing {@code users} table has fewer
   *     than one page of rows
   */
  public static HttpBenchResult run(HttpBenchOptions options, Database database) {
    return run(options, database, BenchProgress.NONE);
  }

  /**
   * As {@link #run(HttpBenchOptions, Database)}, telling {@code bar} each step ({@code fill users} when the table
   * is created, then {@code http page50 warm-up}, {@code http page50 round 1/1}, {@code direct page50 warm-up},
   * {@code direct page50 round 1/1}) and how far it is; the bar is cleared before returning.
   */
  public static HttpBenchResult run(HttpBenchOptions options, Database database, BenchProgress bar) {
    try {
      return measure(options, database, bar);
    } finally {
      bar.clear();
    }
  }

  private static HttpBenchResult measure(HttpBenchOptions options, Database database, BenchProgress bar) {
    int pages = prepare(database, options, bar);
    try (KeyValue store = KeyValue.open("memory:");
        AdminServer server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0),
            AdminStores.of(database, store));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      URI base = URI.create(server.url());
      Load http = page -> get(client, base, page);
      Load direct = page -> directPage(database, page);
      HttpBenchOptions.Loader loader = options.loader().resolve();
      WrkLoad.Figures web;
      long allocatedBefore;
      long allocatedAfter;
      if (loader == HttpBenchOptions.Loader.WRK) {
        if (!options.warmup().isZero()) {
          bar.step("http page50 warm-up");
          JitWarmUp.until(options.warmup(), step -> WrkLoad.run(base, options.connections(), pages, step));
        }
        bar.step("http page50 round 1/1");
        allocatedBefore = HeapAllocation.totalBytes();
        web = WrkLoad.run(base, options.connections(), pages, options.duration());
        allocatedAfter = HeapAllocation.totalBytes();
      } else {
        bar.step("http page50 warm-up");
        JitWarmUp.until(options.warmup(), step -> run(http, options, pages, step, bar));
        bar.step("http page50 round 1/1");
        allocatedBefore = HeapAllocation.totalBytes();
        Measured measured = run(http, options, pages, options.duration(), bar);
        allocatedAfter = HeapAllocation.totalBytes();
        web = new WrkLoad.Figures(measured.perSecond(), measured.millis(0.50), measured.millis(0.99),
            measured.sortedNanos().length);
      }
      Double webBytes = HeapAllocation.perOperation(allocatedBefore, allocatedAfter, web.requests());
      bar.step("direct page50 warm-up");
      JitWarmUp.until(options.warmup(), step -> run(direct, options, pages, step, bar));
      bar.step("direct page50 round 1/1");
      long directBefore = HeapAllocation.totalBytes();
      Measured lib = run(direct, options, pages, options.duration(), bar);
      Double directBytes = HeapAllocation.perOperation(directBefore, HeapAllocation.totalBytes(), lib.sortedNanos().length);
      return new HttpBenchResult(options.connections(), web.requestsPerSecond(), web.p50Millis(), web.p99Millis(),
          lib.perSecond(), loader, webBytes, directBytes);
    }
  }

  /**
   * The direct side of one request: the same query (the page and the total count, as the HTTP answer has
   * {@code total_records}) through the library, and its answer rendered to JSON bytes with the same keys by the
   * shared mapper, since the HTTP side renders too; what an application serving the page without the admin API
   * would do.
   */
  private static byte[] directPage(Database database, int page) throws JsonProcessingException {
    Page<Map<String, Object>> rows = database.rows("users")
        .query(Query.all().page(page, HttpBenchOptions.PAGE_SIZE).withTotal()).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("table", "users");
    body.put("page", rows.page());
    body.put("page_size", rows.pageSize());
    body.put("total_records", rows.total().isPresent() ? rows.total().getAsLong() : null);
    body.put("records", rows.items());
    body.put("next", rows.next().map(Object::toString).orElse(null));
    return Json.mapper().writeValueAsBytes(body);
  }

  /** One operation of the load on page {@code page} (1-based); throws when it fails. */
  private interface Load {
    void call(int page) throws Exception;
  }

  private record Measured(long[] sortedNanos, Duration elapsed) {
    double perSecond() {
      return sortedNanos.length / (elapsed.toNanos() / 1e9);
    }

    double millis(double quantile) {
      return Latencies.quantile(sortedNanos, quantile) / 1e6;
    }
  }

  private static Measured run(Load load, HttpBenchOptions options, int pages, Duration time, BenchProgress bar) {
    long start = System.nanoTime();
    long deadline = start + time.toNanos();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Latencies> parts = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int client = 0; client < options.connections(); client++) {
        Latencies latencies = new Latencies();
        parts.add(latencies);
        int first = client;
        running.add(threads.submit(() -> {
          for (int i = first; System.nanoTime() < deadline && failure.get() == null; i += options.connections()) {
            long sent = System.nanoTime();
            try {
              load.call(i % pages + 1);
            } catch (Exception e) {
              failure.compareAndSet(null, e);
              return;
            }
            latencies.add(System.nanoTime() - sent);
          }
        }));
      }
      awaitClients(running, start, time, bar);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (failure.get() != null) {
      throw new IllegalStateException("the http bench failed: " + failure.get().getMessage(), failure.get());
    }
    return new Measured(Latencies.sorted(parts), elapsed);
  }

  private static void awaitClients(List<Future<?>> clients, long start, Duration time, BenchProgress bar) {
    try {
      TimedSteps.await(clients, start, time.toNanos(), bar);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the http bench failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the http bench was interrupted", e);
    }
  }

  private static void get(HttpClient client, URI base, int page) throws InterruptedException {
    URI uri = base.resolve("/api/v1/db/tables/users?page=" + page + "&page_size=" + HttpBenchOptions.PAGE_SIZE);
    HttpResponse<String> response;
    try {
      response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri, e);
    }
    if (response.statusCode() != 200) {
      String body = response.body();
      throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
          + body.substring(0, Math.min(200, body.length())));
    }
  }

  /** Creates and fills {@code users} if it is missing; returns how many full pages it has. */
  static int prepare(Database database, HttpBenchOptions options) {
    return prepare(database, options, BenchProgress.NONE);
  }

  private static int prepare(Database database, HttpBenchOptions options, BenchProgress bar) {
    boolean exists = database.schema().tables().orElseThrow().contains("users");
    if (!exists) {
      bar.step("fill users");
      Table<PageUser> users = database.table(PageUser.class);
      users.create().orElseThrow();
      List<PageUser> batch = new ArrayList<>();
      for (int i = 1; i <= options.rows(); i++) {
        batch.add(new PageUser(null, "user" + i, "user" + i + "@example.com", 18 + i % 60));
        if (batch.size() == 1000 || i == options.rows()) {
          Result<Integer> inserted = users.insertAll(batch);
          inserted.orElseThrow();
          batch.clear();
          bar.update(i, options.rows());
        }
      }
    }
    long rows = database.rows("users").count(dev.cairn.sql.Filter.all()).orElseThrow();
    if (rows < HttpBenchOptions.PAGE_SIZE) {
      throw new IllegalStateException("the users table has " + rows + " rows; the bench needs at least "
          + HttpBenchOptions.PAGE_SIZE);
    }
    return (int) (rows / HttpBenchOptions.PAGE_SIZE);
  }
}
