package dev.cairn.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections. A file database gets one writer connection whose transactions start with
 * {@code BEGIN IMMEDIATE} (so a read-write transaction takes the write lock up front instead of failing to
 * upgrade later) and a read pool whose connections are {@code query_only}; WAL lets readers run while the
 * writer writes. Pragmas are data-source properties, applied to every new connection. WAL is set only on files
 * Cairn creates: the journal mode is stored in the file, and opening someone's existing database (to browse it)
 * must not change it for good; an existing file in rollback-journal mode works too, readers then wait out commits
 * through the busy timeout.
 *
 * <p>{@code sqlite::memory:} uses one connection for reads and writes: a private in-memory database exists per
 * connection, and a shared-cache one locks at table level and answers concurrent writers with
 * SQLITE_LOCKED, which busy_timeout does not cover. The database is a named shared-cache memory database held
 * open by a keeper connection, so that the pool may replace its connection without losing the data.
 *
 * <p>Waits are bounded by the caller's {@link Deadline}: in-process writers queue for the one writer connection
 * until then, and the writer's busy timeout (how long SQLite waits for another process's lock) is set, for each
 * call, to the connect timeout or the time left, whichever is shorter. Every connection carries the
 * {@link SqliteQueryTimeout} handler.
 */
final class SqliteConnections implements Connections {
  /**
   * 1 GiB of the file read through a memory map (see {@link DatabaseConfig#SQLITE_MMAP_SIZE}): address space, not
   * memory, and each connection maps the file apart. 256 MiB was too little: the bench's two users tables of
   * 1,000,000 rows take about 300 MB, and the pages past the map were read with system calls again.
   */
  private static final String DEFAULT_MMAP_SIZE = "1073741824";
  private final HikariDataSource writers;
  private final HikariDataSource readers;
  private final Connection keeper;
  private final long busyTimeoutMillis;
  private final java.time.Duration poolTimeout;
  private final boolean echo;

  private SqliteConnections(HikariDataSource writers, HikariDataSource readers, Connection keeper,
      DatabaseConfig config) {
    this.writers = writers;
    this.readers = readers;
    this.keeper = keeper;
    this.busyTimeoutMillis = config.connectTimeout().toMillis();
    this.poolTimeout = config.pool().poolTimeout();
    this.echo = config.pool().echo();
  }

  static SqliteConnections open(DatabaseConfig config) {
    StoreUrl url = config.url();
    if (url.isSqliteMemory()) {
      return openMemory(config);
    }
    Path file = Path.of(url.path()).toAbsolutePath();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (IOException e) {
      throw new UnavailableException("DATABASE_UNAVAILABLE",
          "cannot create the directory of " + url + ": " + e.getMessage(), Map.of("url", url.toString()), e);
    }
    String jdbcUrl = "jdbc:sqlite:" + file;
    boolean newFile = !Files.exists(file);
    HikariDataSource writers = Pools.start(pool(config, jdbcUrl, 1, "writer", newFile), url);
    try {
      HikariConfig readConfig = pool(config, jdbcUrl, config.poolSize(), "reader", false);
      readConfig.setConnectionInitSql("PRAGMA query_only = 1");
      return new SqliteConnections(writers, Pools.start(readConfig, url), null, config);
    } catch (RuntimeException e) {
      writers.close();
      throw e;
    }
  }

  private static SqliteConnections openMemory(DatabaseConfig config) {
    String jdbcUrl = "jdbc:sqlite:file:cairn-memory-" + UUID.randomUUID() + "?mode=memory&cache=shared";
    try {
      Connection keeper = dataSource(config, jdbcUrl, false).getConnection();
      HikariDataSource single = Pools.start(pool(config, jdbcUrl, 1, "memory", false), config.url());
      return new SqliteConnections(single, single, keeper, config);
    } catch (SQLException e) {
      throw new UnavailableException("DATABASE_UNAVAILABLE", "cannot open " + config.url() + ": " + e.getMessage(),
          Map.of("url", config.url().toString()), e);
    }
  }

  // setWal: the writer of a file Cairn creates puts it into WAL (persistent, so the readers and later opens see it).
  private static HikariConfig pool(DatabaseConfig config, String jdbcUrl, int size, String role, boolean setWal) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("cairn-sqlite-" + role);
    hikari.setDataSource(dataSource(config, jdbcUrl, setWal));
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
    hikari.setInitializationFailTimeout(config.connectTimeout().toMillis());
    hikari.setMaxLifetime(0);
    hikari.setIdleTimeout(0);
    dev.cairn.sql.PoolSettings settings = config.pool();
    if (role.equals("reader")) {
      hikari.setMaximumPoolSize(size + settings.maxOverflow());
    }
    // The memory database's one connection holds the data with the keeper: never recycled.
    if (settings.recycle() != null && !config.url().isSqliteMemory()) {
      hikari.setMaxLifetime(settings.recycle().toMillis());
    }
    if (settings.prePing()) {
      hikari.setKeepaliveTime(dev.cairn.sql.PoolSettings.KEEPALIVE.toMillis());
    }
    return hikari;
  }

  private static SQLiteDataSource dataSource(DatabaseConfig config, String jdbcUrl, boolean setWal) {
    SQLiteConfig sqlite = new SQLiteConfig();
    Map<String, String> settings = config.url().params();
    String journalMode = settings.get(DatabaseConfig.SQLITE_JOURNAL_MODE);
    if (journalMode != null && !config.url().isSqliteMemory()) {
      // asked for explicitly (URL or SQLITE_JOURNAL_MODE): every connection sets it, on files Cairn did not make too
      sqlite.setJournalMode(SQLiteConfig.JournalMode.valueOf(journalMode.toUpperCase(java.util.Locale.ROOT)));
    } else if (setWal) {
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    } else if (config.url().isSqliteMemory()) {
      sqlite.setSharedCache(true);
    }
    sqlite.setSynchronous(synchronous(settings.getOrDefault(DatabaseConfig.SQLITE_SYNCHRONOUS, "NORMAL")));
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
    // Default negative: KiB, so 16 MiB of page cache per connection.
    sqlite.setCacheSize(Integer.parseInt(settings.getOrDefault(DatabaseConfig.SQLITE_CACHE_SIZE, "-16384")));
    if (!config.url().isSqliteMemory()) {
      // Each connection's page cache is its own: a read pool of several connections over a table larger than one
      // cache keeps missing, and every miss is a read() and a copy. Through the map, all connections read the one
      // page cache of the OS. Measured with raw JDBC, random reads by key over 1,000,000 rows went from 107,000 to
      // 125,000-140,000 a second (100,000 rows: 132,000 either way).
      sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE,
          settings.getOrDefault(DatabaseConfig.SQLITE_MMAP_SIZE, DEFAULT_MMAP_SIZE));
    }
    SQLiteDataSource dataSource = new QueryTimedDataSource(sqlite, config);
    dataSource.setUrl(jdbcUrl);
    return dataSource;
  }

  /** {@code synchronous} by name or number (0-2), as SQLite's PRAGMA takes it; checked by DatabaseConfig. */
  private static SQLiteConfig.SynchronousMode synchronous(String value) {
    return switch (value.toUpperCase(java.util.Locale.ROOT)) {
      case "0", "OFF" -> SQLiteConfig.SynchronousMode.OFF;
      case "2", "FULL" -> SQLiteConfig.SynchronousMode.FULL;
      default -> SQLiteConfig.SynchronousMode.NORMAL;
    };
  }

  /** Gives every new connection the {@link SqliteQueryTimeout} handler. */
  private static final class QueryTimedDataSource extends SQLiteDataSource {
    private final Clock clock;

    QueryTimedDataSource(SQLiteConfig sqlite, DatabaseConfig config) {
      super(sqlite);
      this.clock = config.clock();
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
      SQLiteConnection connection = super.getConnection(username, password);
      try {
        SqliteQueryTimeout.install(connection, clock);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return connection;
    }
  }

  @Override
  public Connection writer(Deadline deadline) throws SQLException {
    Connection connection = Echo.wrap(Pools.borrow(writers, deadline, poolTimeout), echo);
    try {
      long wait = Math.max(1, Math.min(busyTimeoutMillis, deadline.remainingMillis()));
      connection.unwrap(SQLiteConnection.class).setBusyTimeout((int) Math.min(Integer.MAX_VALUE, wait));
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Connection reader(Deadline deadline) throws SQLException {
    return Echo.wrap(Pools.borrow(readers, deadline, poolTimeout), echo);
  }

  @Override
  public void evict(Connection connection, boolean reader) {
    (reader ? readers : writers).evictConnection(Echo.unwrap(connection));
  }

  @Override
  public boolean readersAreReadOnly() {
    return keeper == null;
  }

  @Override
  public PoolCounts counts() {
    return keeper == null ? Pools.counts(writers).plus(Pools.counts(readers)) : Pools.counts(writers);
  }

  @Override
  public java.util.List<HikariDataSource> pools() {
    return readers == writers ? java.util.List.of(writers) : java.util.List.of(writers, readers);
  }

  @Override
  public void close() {
    try {
      if (readers != writers) {
        readers.close();
      }
      writers.close();
    } finally {
      closeKeeper();
    }
  }

  private void closeKeeper() {
    if (keeper != null) {
      try {
        keeper.close();
      } catch (SQLException e) {
        throw new IllegalStateException("closing the in-memory SQLite database failed", e);
      }
    }
  }
}
