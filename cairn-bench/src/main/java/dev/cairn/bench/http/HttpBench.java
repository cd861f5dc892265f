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
 * sides report the heap bytes this JVM allocated per operation over their measured windows.
 *
 * <p>Both sides run on the same database: each warms up, then {@code rounds} HTTP and direct windows alternate, the
 * order swapped each round, and the line gives the round with the median ratio. Every request must answer 200; a
 * failure ends the run with an exception naming the status and the body's start.
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
   * is created, then {@code http page50 warm-up}, {@code direct page50 warm-up}, {@code http page50 round 1/3},
   * {@code direct page50 round 1/3}, {@code direct page50 round 2/3}, ...) and how far it is; the bar is cleared
   * before returning.
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
      HttpBenchOptions.Loader loader = options.loader().resolve();
      Load http = page -> get(client, base, page);
      Side web = time -> {
        if (loader == HttpBenchOptions.Loader.WRK) {
          return WrkLoad.run(base, options.connections(), pages, time);
        }
        return run(http, options, pages, time, bar).figures();
      };
      Load direct = page -> directPage(database, page);
      Side lib = time -> run(direct, options, pages, time, bar).figures();
      if (!options.warmup().isZero()) {
        bar.step("http page50 warm-up");
        JitWarmUp.until(options.warmup(), web::measure);
        bar.step("direct page50 warm-up");
        JitWarmUp.until(options.warmup(), lib::measure);
      }
      // Interleaved rounds, the order swapped each round, as the SQL bench does: on this 2-core machine the direct
      // side alone moved between 8,799 and 11,774 ops/s from one run to the next, and one HTTP window followed by
      // one direct window measured that drift as much as the HTTP layer (the same build gave 0.41 and 0.58).
      List<RoundPair> pairs = new ArrayList<>();
      Allocation webBytes = new Allocation();
      Allocation directBytes = new Allocation();
      for (int round = 1; round <= options.rounds(); round++) {
        String of = " round " + round + "/" + options.rounds();
        WrkLoad.Figures webRound;
        WrkLoad.Figures libRound;
        if (round % 2 == 1) {
          webRound = webBytes.measure(web, options.duration(), bar, "http page50" + of);
          libRound = directBytes.measure(lib, options.duration(), bar, "direct page50" + of);
        } else {
          libRound = directBytes.measure(lib, options.duration(), bar, "direct page50" + of);
          webRound = webBytes.measure(web, options.duration(), bar, "http page50" + of);
        }
        pairs.add(new RoundPair(webRound, libRound));
      }
      RoundPair median = RoundPair.median(pairs);
      return new HttpBenchResult(options.connections(), median.web().requestsPerSecond(), median.web().p50Millis(),
          median.web().p99Millis(), median.direct().requestsPerSecond(), loader, webBytes.perOperation(),
          directBytes.perOperation());
    }
  }

  /** One side's measured window of {@code time}. */
  private interface Side {
    WrkLoad.Figures measure(Duration time);
  }

  /** The heap bytes one side allocated over its measured windows, and its operations in them. */
  private static final class Allocation {
    private long bytes;
    private long operations;
    private boolean known = true;

    WrkLoad.Figures measure(Side side, Duration time, BenchProgress bar, String step) {
      bar.step(step);
      long before = HeapAllocation.totalBytes();
      WrkLoad.Figures figures = side.measure(time);
      long after = HeapAllocation.totalBytes();
      known &= before >= 0 && after >= 0;
      bytes += after - before;
      operations += figures.requests();
      return figures;
    }

    Double perOperation() {
      return known ? HeapAllocation.perOperation(0, bytes, operations) : null;
    }
  }

  /** One round: the HTTP window and the direct window measured next to it. */
  record RoundPair(WrkLoad.Figures web, WrkLoad.Figures direct) {
    double ratio() {
      return direct.requestsPerSecond() == 0 ? 0 : web.requestsPerSecond() / direct.requestsPerSecond();
    }

    /** The pair with the median ratio (of an even count, the lower of the middle two). */
    static RoundPair median(List<RoundPair> pairs) {
      List<RoundPair> sorted = new ArrayList<>(pairs);
      sorted.sort(java.util.Comparator.comparingDouble(RoundPair::ratio));
      return sorted.get((sorted.size() - 1) / 2);
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

    /** The figures wrk reports for its window, from this window's latencies. */
    WrkLoad.Figures figures() {
      return new WrkLoad.Figures(perSecond(), millis(0.50), millis(0.99), sortedNanos.length);
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
