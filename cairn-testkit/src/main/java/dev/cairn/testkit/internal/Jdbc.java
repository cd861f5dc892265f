package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Plain JDBC to a PostgreSQL or MariaDB/MySQL {@link StoreUrl}, for probes and database administration. */
public final class Jdbc {
  private static final int CONNECT_TIMEOUT_SECONDS = 3;

  private Jdbc() {}

  /** The JDBC URL for {@code url} (credentials go in properties, never into the URL text). */
  public static String jdbcUrl(StoreUrl url) {
    String scheme = switch (url.kind()) {
      case POSTGRESQL -> "jdbc:postgresql://";
      case MARIADB, MYSQL -> "jdbc:mariadb://";
      default -> throw new IllegalArgumentException(url + " is not a PostgreSQL or MariaDB URL");
    };
    return scheme + url.host() + "/" + url.path();
  }

  /** Opens a connection with short timeouts. */
  public static Connection connect(StoreUrl url) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(url.params());
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    if (url.kind() == StoreUrl.Kind.POSTGRESQL) {
      properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
      properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    } else {
      properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
    }
    return DriverManager.getConnection(jdbcUrl(url), properties);
  }

  /** Connects and runs {@code SELECT 1}; the exception says why it failed. */
  public static void probe(StoreUrl url) throws SQLException {
    try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  /** Runs statements one by one on a fresh connection. */
  public static void execute(StoreUrl url, String... sql) throws SQLException {
    try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }
}
