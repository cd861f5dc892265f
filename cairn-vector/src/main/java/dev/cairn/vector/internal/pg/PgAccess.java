package dev.cairn.vector.internal.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.core.StoreUrl;
import dev.cairn.vector.internal.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * The connection pool of a pgvector store and the translation of SQL failures into results: a missing table is
 * the collection missing, a broken or refused connection UNAVAILABLE, anything else ERROR with the server's one
 * line (server messages never hold the password).
 */
final class PgAccess implements AutoCloseable {
  private static final int POOL_SIZE = 16;

  private final HikariDataSource pool;
  private final String server;

  private PgAccess(HikariDataSource pool, String server) {
    this.pool = pool;
    this.server = server;
  }

  static PgAccess open(StoreUrl url) {
    HikariConfig config = new HikariConfig();
    StringJoiner hosts = new StringJoiner(",");
    url.hosts().forEach(host -> hosts.add(host.toString()));
    String jdbc = "jdbc:postgresql://" + hosts + "/" + url.path() + "?reWriteBatchedInserts=true&connectTimeout=10"
        + (url.tls() ? "&sslmode=" + url.param("sslmode", "require") : "");
    config.setJdbcUrl(jdbc);
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);
    config.setPoolName("cairn-vector");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1);
    return new PgAccess(new HikariDataSource(config), url.redacted());
  }

  String server() {
    return server;
  }

  <T> Result<T> run(String what, String collection, SqlWork<T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      return translate(what, collection, e);
    }
  }

  /** Runs {@code work} in one transaction, rolled back on any failure. */
  <T> Result<T> inTransaction(String what, String collection, SqlWork<T> work) {
    return run(what, collection, connection -> {
      connection.setAutoCommit(false);
      try {
        Result<T> result = work.run(connection);
        if (result.isOk()) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  private <T> Result<T> translate(String what, String collection, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("42P01") && collection != null) {
      return Failures.collectionNotFound(collection);
    }
    if (state.startsWith("08") || state.equals("57P01") || e instanceof java.sql.SQLTransientConnectionException) {
      return Result.failure(Status.UNAVAILABLE, "DATABASE_UNAVAILABLE", what + " failed: PostgreSQL at " + server
          + " cannot be reached (" + firstLine(e) + ")", java.util.Map.of(), e);
    }
    return Failures.backend(what, e);
  }

  static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public void close() {
    pool.close();
  }

  @FunctionalInterface
  interface SqlWork<T> {
    Result<T> run(Connection connection) throws SQLException;
  }
}
