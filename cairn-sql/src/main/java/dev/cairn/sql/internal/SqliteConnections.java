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
import java.util.Map;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections. A file database gets one writer connection whose transactions start with
 * {@code BEGIN IMMEDIATE} (so a read-write transaction takes the write lock up front instead of failing to
 * upgrade later) and a read pool whose connections are {@code query_only}; WAL lets readers run while the
 * writer writes. Pragmas are data-source properties, applied to every new connection.
 *
 * <p>{@code sqlite::memory:} uses one connection for reads and writes: a private in-memory database exists per
 * connection, and a shared-cache one locks at table level and answers concurrent writers with
 * SQLITE_LOCKED, which busy_timeout does not cover. The database is a named shared-cache memory database held
 * open by a keeper connection, so that the pool may replace its connection without losing the data.
 */
final class SqliteConnections implements Connections {
  private static final long WRITER_WAIT_MILLIS = 30_000;

  private final HikariDataSource writers;
  private final HikariDataSource readers;
  private final Connection keeper;

  private SqliteConnections(HikariDataSource writers, HikariDataSource readers, Connection keeper) {
    this.writers = writers;
    this.readers = readers;
    this.keeper = keeper;
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
    HikariConfig writeConfig = pool(config, jdbcUrl, true, 1, "writer");
    // Every in-process writer queues for the one writer connection: that wait is SQLite's write lock, taken in
    // turn, so it is bounded generously rather than by the connect timeout.
    writeConfig.setConnectionTimeout(Math.max(WRITER_WAIT_MILLIS, config.connectTimeout().toMillis()));
    HikariDataSource writers = Pools.start(writeConfig, url);
    try {
      HikariConfig readConfig = pool(config, jdbcUrl, false, config.poolSize(), "reader");
      readConfig.setConnectionInitSql("PRAGMA query_only = 1");
      return new SqliteConnections(writers, Pools.start(readConfig, url), null);
    } catch (RuntimeException e) {
      writers.close();
      throw e;
    }
  }

  private static SqliteConnections openMemory(DatabaseConfig config) {
    String jdbcUrl = "jdbc:sqlite:file:cairn-memory-" + UUID.randomUUID() + "?mode=memory&cache=shared";
    try {
      Connection keeper = dataSource(config, jdbcUrl, true).getConnection();
      HikariConfig singleConfig = pool(config, jdbcUrl, true, 1, "memory");
      singleConfig.setConnectionTimeout(Math.max(WRITER_WAIT_MILLIS, config.connectTimeout().toMillis()));
      HikariDataSource single = Pools.start(singleConfig, config.url());
      return new SqliteConnections(single, single, keeper);
    } catch (SQLException e) {
      throw new UnavailableException("DATABASE_UNAVAILABLE", "cannot open " + config.url() + ": " + e.getMessage(),
          Map.of("url", config.url().toString()), e);
    }
  }

  private static HikariConfig pool(DatabaseConfig config, String jdbcUrl, boolean writer, int size, String role) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("cairn-sqlite-" + role);
    hikari.setDataSource(dataSource(config, jdbcUrl, writer));
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
    hikari.setInitializationFailTimeout(config.connectTimeout().toMillis());
    hikari.setMaxLifetime(0);
    hikari.setIdleTimeout(0);
    return hikari;
  }

  private static SQLiteDataSource dataSource(DatabaseConfig config, String jdbcUrl, boolean writer) {
    SQLiteConfig sqlite = new SQLiteConfig();
    if (!config.url().isSqliteMemory()) {
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    } else {
      sqlite.setSharedCache(true);
    }
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
    sqlite.setCacheSize(-16_384); // negative: KiB, so 16 MiB of page cache per connection
    sqlite.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl(jdbcUrl);
    return dataSource;
  }

  @Override
  public Connection writer() throws SQLException {
    return writers.getConnection();
  }

  @Override
  public Connection reader() throws SQLException {
    return readers.getConnection();
  }

  @Override
  public void evict(Connection connection, boolean reader) {
    (reader ? readers : writers).evictConnection(connection);
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
