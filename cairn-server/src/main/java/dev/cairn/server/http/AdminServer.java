package dev.cairn.server.http;

import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.internal.ConsoleRoutes;
import dev.cairn.server.http.internal.DatabaseLanes;
import dev.cairn.server.http.internal.DatabaseResolver;
import dev.cairn.server.http.internal.DbRoutes;
import dev.cairn.server.http.internal.ErrorHandling;
import dev.cairn.server.http.internal.Guards;
import dev.cairn.server.http.internal.HealthChecks;
import dev.cairn.server.http.internal.HealthRoutes;
import dev.cairn.server.http.internal.IdempotentWrites;
import dev.cairn.server.http.internal.JettyErrors;
import dev.cairn.server.http.internal.KvRoutes;
import dev.cairn.server.http.internal.MigrationRoutes;
import dev.cairn.server.http.internal.OpenApiDocument;
import dev.cairn.server.http.internal.RequestDeadline;
import dev.cairn.server.http.internal.RequestMetrics;
import dev.cairn.server.http.internal.SqlRoutes;
import dev.cairn.server.http.internal.StoreMeters;
import dev.cairn.server.http.internal.SubjectRoutes;
import dev.cairn.server.http.internal.VectorRoutes;
import dev.cairn.sql.Database;
import dev.cairn.subject.Subjects;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The admin HTTP API (Javalin on virtual threads) over one {@link Database}, one {@link KeyValue} and one
 * {@link Subjects}: table and row endpoints under {@code /api/v1/db}, keys under {@code /api/v1/kv}, subjects under
 * {@code /api/v1/subjects}, vectors under {@code /api/v1/vectors}, {@code /health}, {@code /metrics},
 * {@code /api/v1/openapi.json} and the web console at {@code /} (static files that use the API from the browser).
 * Every error is {@code {"error": {"code", "message", "module", "details"}}}.
 *
 * <pre>{@code
 * AdminConfig config = AdminConfig.defaults().withBind("127.0.0.1", 0);
 * try (AdminServer server = AdminServer.start(config, AdminStores.of(db, kv))) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>Database calls run on platform threads of each database, bounded by a queue and the request deadline;
 * writes take an {@code Idempotency-Key}; {@code /health} answers within its own timeout (see
 * {@link RequestPolicy}).
 *
 * <p>Thread-safe. The server does not own the {@link AdminStores} it is given: the caller closes them after the
 * server.
 */
public final class AdminServer implements AutoCloseable {
  /** How long {@link #close()} waits for requests in flight. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private final Javalin app;
  private final AdminConfig config;
  private final Subjects ownedSubjects;
  private final DatabaseLanes lanes;
  private final HealthChecks checks;
  private final StoreMeters meters;

  private AdminServer(Javalin app, AdminConfig config, Subjects ownedSubjects, DatabaseLanes lanes,
      HealthChecks checks, StoreMeters meters) {
    this.app = app;
    this.config = config;
    this.ownedSubjects = ownedSubjects;
    this.lanes = lanes;
    this.checks = checks;
    this.meters = meters;
  }

  /**
   * Starts listening on the configured address and serving {@code stores}.
   *
   * @throws NullPointerException for a null argument
   * @throws UnavailableException {@code PORT_UNAVAILABLE} when the address cannot be bound (port in use, address
   *     not local)
   */
  public static AdminServer start(AdminConfig config, AdminStores stores) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(stores, "stores");
    if (stores.subjects().isPresent()) {
      return start(config, stores, stores.subjects().get(), null);
    }
    Subjects owned = Subjects.inMemory();
    try {
      return start(config, stores, owned, owned);
    } catch (RuntimeException e) {
      owned.close();
      throw e;
    }
  }

  private static AdminServer start(AdminConfig config, AdminStores stores, Subjects subjects, Subjects owned) {
    Objects.requireNonNull(subjects, "subjects");
    Database database = stores.database();
    KeyValue store = stores.store();
    Guards guards = new Guards(config);
    RequestMetrics metrics = new RequestMetrics();
    StoreMeters meters = StoreMeters.bind(metrics.registry(), database, store);
    RequestPolicy policy = config.requestPolicy();
    DatabaseLanes lanes = new DatabaseLanes(policy.requestTimeout(), policy.maxQueuedCalls());
    HealthChecks checks = new HealthChecks(policy.healthTimeout(), lanes, store);
    IdempotentWrites idempotent = new IdempotentWrites(store, policy.idempotencyRetention());
    OpenApiDocument openApi = new OpenApiDocument(AdminServer.class.getPackage().getImplementationVersion() == null
        ? "dev" : AdminServer.class.getPackage().getImplementationVersion(), config.maxPageSize());
    AtomicReference<Javalin> created = new AtomicReference<>();
    Javalin app = Javalin.create(javalin -> {
      // Graceful stop: Jetty stops accepting, then waits up to STOP_TIMEOUT for requests in flight. The handler can
      // only be wrapped once Javalin has installed its own, hence at "starting" rather than in modifyServer.
      javalin.events.serverStarting(() -> {
        Server jetty = created.get().jettyServer().server();
        jetty.insertHandler(new GracefulHandler());
        jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
      });
      javalin.concurrency.useVirtualThreads = true;
      javalin.http.maxRequestSize = config.maxBodyBytes();
      javalin.startup.showJavalinBanner = false;
      javalin.jetty.host = config.bindAddress();
      javalin.jetty.port = config.port();
      javalin.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JettyErrors()));
      javalin.routes.before(ctx -> {
        RequestDeadline.start(ctx, policy.requestTimeout());
        metrics.start(ctx);
        guards.check(ctx);
      });
      javalin.routes.after(metrics::finish);
      ErrorHandling.register(javalin.routes);
      new HealthRoutes(database, checks).register(javalin.routes);
      javalin.routes.get("/metrics", metrics::scrape);
      openApi.register(javalin.routes);
      DatabaseResolver resolver = new DatabaseResolver(database, stores.registry(), stores.migrations());
      new DbRoutes(resolver, config.maxPageSize(), lanes, checks, idempotent).register(javalin.routes);
      new MigrationRoutes(resolver, lanes).register(javalin.routes);
      new SqlRoutes(resolver, lanes).register(javalin.routes);
      new KvRoutes(store, config.maxPageSize(), idempotent).register(javalin.routes);
      new SubjectRoutes(subjects, idempotent).register(javalin.routes);
      new ConsoleRoutes().register(javalin.routes);
      new VectorRoutes(stores.vectors(), idempotent).register(javalin.routes);
    });
    created.set(app);
    try {
      checkBindable(config);
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      meters.close();
      checks.close();
      lanes.close();
      throw new UnavailableException("PORT_UNAVAILABLE",
          "cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + rootMessage(e), e);
    }
    return new AdminServer(app, config, owned, lanes, checks, meters);
  }

  /** The port listened on (the chosen one when the configuration said 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://<bind address>:<port>}. */
  public String url() {
    String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
    return "http://" + host + ":" + port();
  }

  public AdminConfig config() {
    return config;
  }

  /** The routes really registered, as {@code "GET /path"}, before/after filters excluded; for docs and tests. */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(AdminServer::describe)
        .sorted()
        .toList();
  }

  private static String describe(Endpoint endpoint) {
    return endpoint.method.name() + " " + endpoint.path;
  }

  /**
   * Stops accepting requests, lets running ones finish for up to {@link #STOP_TIMEOUT} (Jetty's graceful stop),
   * releases the port and stops the database and health threads; closes the subjects only when the server made
   * them itself.
   */
  @Override
  public void close() {
    app.stop();
    meters.close();
    checks.close();
    lanes.close();
    if (ownedSubjects != null) {
      ownedSubjects.close();
    }
  }

  /**
   * Binds the address once before Javalin does, so a port in use fails here with the one-line PORT_UNAVAILABLE
   * alone; Javalin would log "Failed to start Javalin" at ERROR with a stack trace first. Javalin's own failure
   * stays the answer when the port is taken in between.
   */
  private static void checkBindable(AdminConfig config) {
    if (config.port() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      // As Jetty binds: a port left in TIME_WAIT by a previous run is free, one with a listener is not.
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(config.bindAddress(), config.port()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
