package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.server.http.RequestPolicy;
import dev.cairn.server.http.AdminStores;
import dev.cairn.sql.Database;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.vector.VectorStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn serve}: runs the admin HTTP API until the process is stopped (Ctrl-C or SIGTERM stop it gracefully:
 * running requests finish, then the database and the store are closed).
 *
 * <p>Configuration, options first, then the environment: {@code --db} / {@code CAIRN_DATABASE_URL} /
 * {@code DATABASE_URL}, else SQLite at {@code <data dir>/cairn.db} with the data dir from {@code --data-dir} /
 * {@code CAIRN_DATA_DIR} / {@code ./data}; {@code --kv}, else the store {@code CAIRN_MODE} with {@code CAIRN_KV_URL} /
 * {@code REDIS_URL} call for (see {@link StoreEnvironment#keyValueUrl()}), else the memory store; {@code --vectors} /
 * {@code CAIRN_VECTOR_URL}, else the embedded vector store {@code vector:<data dir>/vectors};
 * {@code CAIRN_ADMIN_TOKEN} for the bearer token; {@code --allowed-host} / {@code CAIRN_ALLOWED_HOSTS} for the
 * host names answered besides loopback and the bind address (see {@link AdminConfig}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the admin HTTP API (tables, rows, keys, vectors, /health, /metrics, /api/v1/openapi.json).",
      "Without a token (CAIRN_ADMIN_TOKEN) it is read-only and listens only on a loopback address."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port, 0 for a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = AdminConfig.DEFAULT_BIND,
      description = "Address to listen on (default: ${DEFAULT-VALUE}); others need CAIRN_ADMIN_TOKEN.")
  private String bind;

  @Option(names = "--db", paramLabel = "URL", description = "Database URL (default: CAIRN_DATABASE_URL, "
      + "DATABASE_URL, else sqlite:<data dir>/cairn.db).")
  private String dbUrl;

  @Option(names = "--kv", paramLabel = "URL",
      description = "Key-value URL (default: CAIRN_KV_URL, REDIS_URL, else memory:; CAIRN_MODE=distributed "
          + "requires one of them, single-node means memory:).")
  private String kvUrl;

  @Option(names = "--vectors", paramLabel = "URL",
      description = "Vector store URL: vector:DIR, vector::memory: or postgresql://... with pgvector (default: "
          + "CAIRN_VECTOR_URL, else vector:<data dir>/vectors).")
  private String vectorUrl;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the default SQLite file lives (default: CAIRN_DATA_DIR, else ./data).")
  private Path dataDir;

  @Option(names = "--subject-prefix", paramLabel = "P", defaultValue = "",
      description = "KRules key prefix of subjects on Redis (keys s:<P><subject>; default: none).")
  private String subjectPrefix;

  @Option(names = "--read-only", description = "Refuse every write, even with a token.")
  private boolean readOnly;

  @Option(names = "--allowed-host", paramLabel = "NAME", split = ",",
      description = "Also answer requests for host NAME (repeatable or comma-separated; default: CAIRN_ALLOWED_HOSTS;"
          + " loopback names and the bind address always; * for any). Other Host headers get 403, which keeps web"
          + " pages from reaching the API through DNS rebinding.")
  private List<String> allowedHosts;
  @Option(names = "--request-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a request may wait for a database thread before 503 DEADLINE_EXCEEDED "
          + "(default: 5s).")
  private Duration requestTimeout;

  @Option(names = "--max-queued", paramLabel = "N",
      description = "Database calls that may wait per pool before more get 503 OVERLOADED (default: 256).")
  private Integer maxQueued;

  @Option(names = "--idempotency-retention", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long the answer to a write with an Idempotency-Key is kept (default: 24h).")
  private Duration idempotencyRetention;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private final Map<String, String> environment;
  private final StoreEnvironment stores;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  ServeCommand() {
    this(System.getenv());
  }

  ServeCommand(Map<String, String> environment) {
    this.environment = environment;
    this.stores = StoreEnvironment.of(environment);
  }

  @Override
  public Integer call() throws InterruptedException {
    AdminConfig config = config();
    // The store first: a CAIRN_MODE error must stop the command before the data directory is created.
    String storeUrl = kvUrl != null ? kvUrl : stores.keyValueUrl();
    String databaseUrl = databaseUrl();
    CountDownLatch closed = new CountDownLatch(1);
    // The hook only asks for the stop and waits: closing happens below, in order (server, then store, then
    // database), so requests still running finish against open resources.
    Thread hook = new Thread(() -> {
      stopRequested.countDown();
      awaitQuietly(closed);
    }, "cairn-serve-stop");
    try (Database database = Database.open(databaseUrl);
        Databases registry = openRegistry(databaseUrl);
        KeyValue store = KeyValue.open(storeUrl);
        VectorStore vectors = VectorStore.open(vectorUrl());
        Subjects subjects = Subjects.on(subjectStorage(store, storeUrl));
        AdminServer server = AdminServer.start(config, registry == null
            ? AdminStores.of(database, store).withSubjects(subjects).withVectors(vectors)
            : AdminStores.of(database, store).withSubjects(subjects).withRegistry(registry).withVectors(vectors))) {
      Runtime.getRuntime().addShutdownHook(hook);
      PrintStream out = Terminal.of(spec).out();
      out.println("cairn admin API listening on " + server.url()
          + " (database " + database.url() + ", key-value " + store.url()
          + (config.allowsWrites() ? ", writes allowed" : ", read-only") + ")");
      out.flush();
      stopRequested.await();
    } finally {
      closed.countDown();
      removeHook(hook);
    }
    return ExitCodes.OK;
  }

  // The named databases (?db=, migrations) sit beside the default one: {dir}/{name}.db on SQLite, schemas or
  // databases on a server. A private in-memory SQLite cannot hold them; the server then serves the default only.
  private Databases openRegistry(String databaseUrl) {
    if (StoreUrl.parse(databaseUrl).isSqliteMemory()) {
      Terminal.of(spec).err().println("cairn: no named databases or migrations on sqlite::memory: (needs files)");
      return null;
    }
    return Databases.open(DatabasesConfig.of(databaseUrl));
  }

  // Subjects live in the shared Redis (KRules layout) when there is one, so other services see them; the storage
  // is built on the open store and does not close it.
  private SubjectStorage subjectStorage(KeyValue store, String storeUrl) {
    StoreUrl.Kind kind = StoreUrl.parse(storeUrl).kind();
    return kind == StoreUrl.Kind.REDIS || kind == StoreUrl.Kind.REDIS_SENTINEL
        ? SubjectStorages.redis(store, subjectPrefix)
        : SubjectStorages.memory();
  }

  /** Stops a running {@link #call()} as SIGTERM would; for tests and embedding. */
  void stop() {
    stopRequested.countDown();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already stopping (this stop came from the hook): hooks can no longer be removed, nor need to be.
    }
  }

  private AdminConfig config() {
    String token = environment.get("CAIRN_ADMIN_TOKEN");
    try {
      RequestPolicy policy = RequestPolicy.defaults();
      if (requestTimeout != null) {
        policy = policy.withRequestTimeout(requestTimeout);
      }
      if (maxQueued != null) {
        policy = policy.withMaxQueuedCalls(maxQueued);
      }
      if (idempotencyRetention != null) {
        policy = policy.withIdempotencyRetention(idempotencyRetention);
      }
      return AdminConfig.defaults()
          .withBind(bind, port)
          .withAdminToken(token == null || token.isEmpty() ? null : token)
          .withReadOnly(readOnly)
          .withAllowedHosts(allowedHosts != null ? allowedHosts : fromList(environment.get("CAIRN_ALLOWED_HOSTS")))
          .withRequestPolicy(policy);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
  }

  private String databaseUrl() {
    StoreEnvironment configured = dataDir != null ? stores.withDataDir(dataDir) : stores;
    String url = dbUrl != null ? dbUrl : configured.configuredDatabaseUrl().orElse(null);
    if (url != null) {
      checkSqlUrl(url);
      return url;
    }
    Path dir = configured.dataDir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UnavailableException("DATA_DIR_UNUSABLE", "cannot create the data directory " + dir + ": " + e, e);
    }
    return configured.databaseUrl();
  }

  /** {@code --vectors}, else CAIRN_VECTOR_URL, else the embedded store beside the default SQLite file. */
  private String vectorUrl() {
    if (vectorUrl != null) {
      return vectorUrl;
    }
    String configured = environment.get("CAIRN_VECTOR_URL");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    StoreEnvironment located = dataDir != null ? stores.withDataDir(dataDir) : stores;
    return "vector:" + located.dataDir().resolve("vectors");
  }

  private void checkSqlUrl(String url) {
    StoreUrl parsed;
    try {
      parsed = StoreUrl.parse(url);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "database URL: " + e.getMessage(), e);
    }
    if (!parsed.kind().isSql()) {
      throw UsageErrors.invalidArgument(spec, "the database URL must be a SQL one, got " + parsed, null);
    }
  }

  private static List<String> fromList(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
  }
}
