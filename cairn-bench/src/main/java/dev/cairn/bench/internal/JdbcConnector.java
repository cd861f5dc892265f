package dev.cairn.bench.internal;

import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Opens the JDBC side's connection with the same driver and the same connection properties Cairn uses for the
 * configuration, so the comparison measures Cairn's layer and not a different driver set-up.
 */
public final class JdbcConnector {
  private JdbcConnector() {}

  /**
   * Opens one connection, auto-commit on.
   *
   * @throws UnavailableException when the database cannot be reached; the message shows the URL without password
   */
  public static Connection open(DatabaseConfig config) {
    StoreUrl url = config.url();
    try {
      return switch (url.kind()) {
        case SQLITE -> DriverManager.getConnection("jdbc:sqlite:" + url.path(), sqliteProperties(config));
        case POSTGRESQL -> DriverManager.getConnection(serverUrl("postgresql", url), postgresProperties(config));
        case MARIADB, MYSQL -> DriverManager.getConnection(serverUrl("mariadb", url), mariadbProperties(config));
        default -> throw new IllegalArgumentException(url + " is not a SQL database URL");
      };
    } catch (SQLException e) {
      throw new UnavailableException("DATABASE_UNAVAILABLE",
          "cannot connect to " + url + " with JDBC: " + OneLine.of(e.getMessage()), e);
    }
  }

  /** The pragmas Cairn sets, passed as data-source properties like Cairn does (not as init SQL). */
  private static Properties sqliteProperties(DatabaseConfig config) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout((int) config.connectTimeout().toMillis());
    sqlite.setCacheSize(SQLITE_CACHE_SIZE);
    sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, SQLITE_MMAP_SIZE);
    // Cairn starts write transactions with BEGIN IMMEDIATE; so does this connection when auto-commit is off.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return sqlite.toProperties();
  }

  /** Cairn's SQLite page cache per connection: negative means KiB, so 16 MiB. */
  private static final int SQLITE_CACHE_SIZE = -16_384;
  /** Cairn's memory-mapped part of the file: 1 GiB. */
  private static final String SQLITE_MMAP_SIZE = "1073741824";

  private static Properties postgresProperties(DatabaseConfig config) {
    Properties properties = credentials(config.url());
    properties.setProperty("reWriteBatchedInserts", "true");
    long seconds = Math.max(1, (config.connectTimeout().toMillis() + 999) / 1000);
    properties.setProperty("connectTimeout", Long.toString(seconds));
    return properties;
  }

  private static Properties mariadbProperties(DatabaseConfig config) {
    Properties properties = credentials(config.url());
    properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
    return properties;
  }

  private static Properties credentials(StoreUrl url) {
    Properties properties = new Properties();
    url.params().forEach(properties::setProperty);
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    return properties;
  }

  private static String serverUrl(String scheme, StoreUrl url) {
    return "jdbc:" + scheme + "://" + url.host() + "/" + url.path();
  }
}
