package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.JdbcBackend;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** Chooses and opens the implementation for a configuration's dialect. Not API. */
public final class DatabaseOpener {
  static {
    // jOOQ logs a banner and tips on first use; a library should not, unless its user asked for them.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private DatabaseOpener() {}

  /**
   * Opens the database; see {@link Database#open(DatabaseConfig)}.
   *
   * @throws UnavailableException {@code DATABASE_UNAVAILABLE} when it cannot be reached
   */
  public static Database open(DatabaseConfig config) {
    StoreUrl url = config.url();
    if (url.kind() == StoreUrl.Kind.PLUGGED_SQL) {
      throw new IllegalArgumentException(url + " is served by a plugged-in backend, not a built-in one");
    }
    Connections connections = url.kind() == StoreUrl.Kind.SQLITE
        ? SqliteConnections.open(config) : ServerConnections.open(config);
    return open(config, connections, dialect(url.kind()), null);
  }

  /**
   * Opens a database of a {@link JdbcBackend}: one HikariCP pool to {@code jdbcUrl}, Cairn's engine speaking the
   * backend's dialect family, queries rendered for its jOOQ dialect.
   */
  public static Database openJdbc(DatabaseConfig config, JdbcBackend backend, String jdbcUrl, String user,
      String password, String initSql) {
    SQLDialect rendering;
    try {
      rendering = SQLDialect.valueOf(backend.rendering());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("INVALID_BACKEND", "database backend " + backend.name()
          + " names an unknown jOOQ dialect '" + backend.rendering() + "'", Map.of("backend", backend.name()), e);
    }
    Connections connections = ServerConnections.open(config, backend.name(), jdbcUrl, user, password, initSql);
    return open(config, connections, backend.family(), rendering);
  }

  private static Database open(DatabaseConfig config, Connections connections, Dialect dialect,
      SQLDialect fixedRendering) {
    StoreUrl url = config.url();
    try {
      String version;
      SQLDialect rendering;
      try (Connection connection = connections.writer(Deadline.current(config))) {
        var meta = connection.getMetaData();
        version = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        rendering = fixedRendering != null ? fixedRendering : rendering(dialect, version);
      }
      DSLContext dsl = DSL.using(rendering, new Settings()
          .withRenderFormatted(false)
          .withParamCastMode(ParamCastMode.NEVER)
          .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
          .withRenderSchema(false)
          .withExecuteLogging(false));
      return new SqlDatabase(new SqlContext(config, dialect, dsl, connections), dialect, version);
    } catch (SQLException | RuntimeException e) {
      connections.close();
      if (e instanceof UnavailableException unavailable) {
        throw unavailable;
      }
      throw new UnavailableException("DATABASE_UNAVAILABLE", "cannot open " + url + ": "
          + Redaction.scrub(String.valueOf(e.getMessage()), url).replace('\n', ' '), Map.of("url", url.toString()), e);
    }
  }

  private static Dialect dialect(StoreUrl.Kind kind) {
    return switch (kind) {
      case SQLITE -> Dialect.SQLITE;
      case POSTGRESQL -> Dialect.POSTGRESQL;
      case MARIADB -> Dialect.MARIADB;
      case MYSQL -> Dialect.MYSQL;
      default -> throw new IllegalArgumentException(kind + " is not a SQL database");
    };
  }

  /** A mysql:// URL may point at a MariaDB server (and the other way round); render for what answers. */
  private static SQLDialect rendering(Dialect dialect, String version) {
    return switch (dialect) {
      case SQLITE -> SQLDialect.SQLITE;
      case POSTGRESQL -> SQLDialect.POSTGRES;
      case MARIADB, MYSQL -> version.toLowerCase(Locale.ROOT).contains("mariadb") ? SQLDialect.MARIADB
          : SQLDialect.MYSQL;
    };
  }
}
