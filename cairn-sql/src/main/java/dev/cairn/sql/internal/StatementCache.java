package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per physical connection, keyed by SQL text, so the hot paths prepare once per
 * connection like a hand-written DAO does (HikariCP has no statement cache; for SQLite, preparing is most of a
 * point lookup's cost).
 *
 * <p>Statements are prepared on the unwrapped physical connection, because the pool's proxy closes every
 * statement made through it when the connection is given back. A physical connection is used by one thread at
 * a time (the pool hands it over with a happens-before edge), so a cached statement is never shared
 * concurrently. Each connection keeps at most {@link #PER_CONNECTION} statements, least recently used evicted
 * and closed; the map holds connections weakly, and statements die with their connection. Callers must not
 * close a cached statement, only its result sets.
 */
final class StatementCache {
  private static final int PER_CONNECTION = 128;
  private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new WeakHashMap<>();

  private StatementCache() {}

  /** A ready statement for {@code sql} on {@code connection}'s physical connection; parameters cleared. */
  static PreparedStatement prepare(Connection connection, String sql, int generatedKeys, String keyColumn)
      throws SQLException {
    if (Echo.isEchoed(connection)) {
      Echo.log(sql); // prepared on the physical connection below, past the echo wrapper
    }
    Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class)
        : connection;
    Map<String, PreparedStatement> statements;
    synchronized (CACHE) {
      statements = CACHE.computeIfAbsent(physical, key -> new Lru());
    }
    String cacheKey = generatedKeys == Statement.RETURN_GENERATED_KEYS ? "K:" + keyColumn + ":" + sql : sql;
    PreparedStatement statement = statements.get(cacheKey);
    if (statement != null && !statement.isClosed()) {
      statement.clearParameters();
      return statement;
    }
    if (generatedKeys != Statement.RETURN_GENERATED_KEYS) {
      statement = physical.prepareStatement(sql);
    } else if (keyColumn != null) {
      statement = physical.prepareStatement(sql, new String[] {keyColumn});
    } else {
      statement = physical.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }
    statements.put(cacheKey, statement);
    return statement;
  }

  /**
   * Forgets and closes the statements of {@code connection} after a failure on it: sqlite-jdbc finalizes a
   * statement whose execution failed (a constraint violation, a busy database) without marking it closed, so
   * it would fail with "statement is not executing" on its next use. Close failures are added to
   * {@code failure}. A connection the pool has already closed (after a fatal error such as PostgreSQL's 57P01)
   * answers even {@code hashCode} with an exception; its statements died with it, so there is nothing to do.
   */
  static void evict(Connection connection, Throwable failure) {
    Map<String, PreparedStatement> statements;
    try {
      Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class)
          : connection;
      synchronized (CACHE) {
        statements = CACHE.remove(physical);
      }
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
      return;
    }
    if (statements == null) {
      return;
    }
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    return prepare(connection, sql, Statement.NO_GENERATED_KEYS, null);
  }

  /** Access-ordered map that closes what it evicts. */
  private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
    private static final long serialVersionUID = 1L;

    Lru() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= PER_CONNECTION) {
        return false;
      }
      try {
        eldest.getValue().close();
      } catch (SQLException e) {
        throw new IllegalStateException("closing an evicted prepared statement failed", e);
      }
      return true;
    }
  }
}
