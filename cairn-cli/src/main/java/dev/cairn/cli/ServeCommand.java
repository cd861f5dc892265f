package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.NotFoundException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.server.http.RequestPolicy;
import dev.cairn.server.http.AdminStores;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.migrate.Migrations;
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
import picocli.CommandLine.Mixin;
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
      "Run the admin HTTP API (tables, rows, keys, vectors, /health, /metrics, /api/v1/openapi.json) and the web"
          + " console at /.",
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

  @Option(names = "--prefix", paramLabel = "P",
      description = "KRules key prefix of subjects on Redis (keys s:<P><subject>, as cairn subject --prefix; "
          + "default: none).")
  private String prefix;

  /** The old name of {@code --prefix}, still accepted; deprecated, so not shown in the help. */
  @Option(names = "--subject-prefix", paramLabel = "P", hidden = true)
  private String deprecatedSubjectPrefix;

  @Mixin
  private ConnectTimeoutOption connectTimeout;

  @Option(names = "--create",
      description = "Create the SQLite file of --db (and its folder) when missing; without it a missing file is"
          + " refused (DATABASE_NOT_FOUND), so a mistyped path creates nothing.")
  private boolean create;

  @Option(names = "--named-databases",
      description = "Also serve the named databases beside --db (?db=NAME, /api/v1/db/databases): {dir}/{name}.db"
          + " files on SQLite, schemas on PostgreSQL, databases on MariaDB; opening them creates the missing ones."
          + " Off by default: browsing creates nothing.")
  private boolean namedDatabases;

  @Option(names = "--migrations-dir", paramLabel = "DIR", defaultValue = "db/migration",
      description = "Scripts of POST /api/v1/db/migrations/*, DIR/framework/V{n}__{slug}.sql for --db itself and"
          + " DIR/NAME/ for named databases, as for cairn migrate (default: ${DEFAULT-VALUE}).")
  private Path migrationsDir;

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
    try (Database database = Database.open(connectTimeout.apply(DatabaseConfig.of(databaseUrl)));
        Databases registry = namedDatabases ? openRegistry(databaseUrl) : null;
        KeyValue store = KeyValue.open(storeUrl, connectTimeout.keyValueOptions());
        VectorStore vectors = openVectors(vectorUrl());
        Subjects subjects = Subjects.on(subjectStorage(store, storeUrl));
        AdminServer server = AdminServer.start(config, stores(database, store, subjects, registry).withVectors(vectors))) {
      Runtime.getRuntime().addShutdownHook(hook);
      PrintStream out = Terminal.of(spec).out();
      out.println("cairn admin API listening on " + server.url()
          + " (database " + database.url() + ", key-value " + store.url()
          + (config.allowsWrites() ? ", writes allowed" : ", read-only") + ")");
      out.println("web console: " + server.url() + "/");
      out.flush();
      stopRequested.await();
    } finally {
      closed.countDown();
      removeHook(hook);
    }
    return ExitCodes.OK;
  }

  // The migrations endpoints act on the served database itself (as cairn migrate and cairn db do); Flyway
  // creates its history there only when a migration is run. A private in-memory SQLite cannot be migrated.
  private AdminStores stores(Database database, KeyValue store, Subjects subjects, Databases registry) {
    AdminStores stores = AdminStores.of(database, store).withSubjects(subjects);
    if (registry != null) {
      stores = stores.withRegistry(registry);
    }
    if (!database.url().isSqliteMemory()) {
      stores = stores.withMigrations(Migrations.of(database, Databases.FRAMEWORK, migrationsDir));
    }
    return stores;
  }

  // The named databases (?db=) sit beside the default one: {dir}/{name}.db on SQLite, schemas or databases on a
  // server. Opened only on --named-databases, since opening creates them. A private in-memory SQLite cannot hold
  // them; the server then serves the default only.
  private Databases openRegistry(String databaseUrl) {
    if (StoreUrl.parse(databaseUrl).isSqliteMemory()) {
      Terminal.of(spec).err().println("cairn: no named databases on sqlite::memory: (needs files)");
      return null;
    }
    return Databases.open(DatabasesConfig.of(databaseUrl).withMigrationsDir(migrationsDir));
  }

  // Subjects live in the shared Redis (KRules layout) when there is one, so other services see them; the storage
  // is built on the open store and does not close it.
  private SubjectStorage subjectStorage(KeyValue store, String storeUrl) {
    StoreUrl.Kind kind = StoreUrl.parse(storeUrl).kind();
    return kind == StoreUrl.Kind.REDIS || kind == StoreUrl.Kind.REDIS_SENTINEL
        ? SubjectStorages.redis(store, subjectPrefix())
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
      checkSqliteFileExists(url);
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
  private String subjectPrefix() {
    return prefix != null ? prefix : deprecatedSubjectPrefix != null ? deprecatedSubjectPrefix : "";
  }

  // A vector store on PostgreSQL opens its own connections: checked first to answer within --connect-timeout.
  private VectorStore openVectors(String url) {
    if (!url.startsWith("vector:") && StoreUrl.parse(url).kind() == StoreUrl.Kind.POSTGRESQL) {
      connectTimeout.probe(url);
    }
    return VectorStore.open(url);
  }

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

  // As cairn db does: a missing SQLite file is a typo until --create says otherwise (the default file under the
  // data directory is the quick start's and is created).
  private void checkSqliteFileExists(String url) {
    StoreUrl parsed = StoreUrl.parse(url);
    if (!create && parsed.kind() == StoreUrl.Kind.SQLITE && !parsed.isSqliteMemory()
        && !Files.exists(Path.of(parsed.path()))) {
      throw new NotFoundException("DATABASE_NOT_FOUND", "no SQLite database at " + parsed.path()
          + " (give --create to create it)", Map.of("path", parsed.path()), null);
    }
  }

  private static List<String> fromList(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
  }
}
