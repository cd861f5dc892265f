package dev.cairn.sql;

import dev.cairn.core.Result;
import dev.cairn.core.StoreUrl;

/**
 * One SQL database: SQLite (file or memory), PostgreSQL, MariaDB or MySQL, behind one API. Thread-safe; open once
 * per service and share; close on shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.open("sqlite:data/app.db")) {
 *   Table<User> users = db.table(User.class);
 *   users.create();
 *   users.insert(new User(null, "Ada", "ada@example.com", 36));
 * }
 * }</pre>
 *
 * <p>On SQLite the file is opened in WAL mode with {@code synchronous=NORMAL}, foreign keys on and a busy timeout;
 * writes go through one writer connection (write transactions start with {@code BEGIN IMMEDIATE}) and reads through
 * a pool. A {@code sqlite::memory:} database is one shared in-memory database that lives until {@link #close()}.
 * On servers a HikariCP pool of {@link DatabaseConfig#poolSize()} connections (plus
 * {@link PoolSettings#maxOverflow()} under load) is used. A URL whose scheme Cairn does not ship is opened by the
 * backend registered for it in {@link DatabaseBackends}.
 *
 * <h2 id="outcomes">Failures and whether a write happened</h2>
 * Every call answers within its {@linkplain DatabaseConfig#operationTimeout() deadline} (plus the
 * {@linkplain DatabaseConfig#queryTimeout() running time} of the statement in flight), and its failure says
 * whether the write may have happened:
 * <ul>
 *   <li>DUPLICATE, INVALID, NOT_FOUND, CONFLICT, ERROR, and UNAVAILABLE {@code DATABASE_UNAVAILABLE} (the
 *       connection was lost or could not be made before anything was committed), {@code DEADLINE_EXCEEDED} (no
 *       connection or lock in time), {@code QUERY_TIMEOUT} (a statement ran too long and was cancelled): nothing
 *       was written. The call may be repeated.
 *   <li>UNAVAILABLE {@code COMMIT_OUTCOME_UNKNOWN} (a transaction: the connection broke while COMMIT was on its way)
 *       and {@code OUTCOME_UNKNOWN} (a single write outside a transaction: the connection broke while it ran): the
 *       write may or may not be stored. Cairn never repeats such a write by itself; a caller that repeats it must
 *       make the write idempotent (a natural key, an upsert) or check first.
 *   <li>An {@code Ok} means committed. A failure after COMMIT succeeded (giving the connection back) never turns
 *       an {@code Ok} into a failure.
 * </ul>
 * Transient conflicts (SQLite busy, deadlocks, serialization failures, lock-wait timeouts) and connections lost
 * before COMMIT are retried within the deadline; see {@link Session#transaction}. A connection whose transaction
 * state is uncertain after a failure is closed and replaced, never reused.
 */
public interface Database extends Session, AutoCloseable {

  /**
   * Opens the database at {@code url} with default settings; see {@link DatabaseConfig#of(String)}.
   *
   * @throws dev.cairn.core.InvalidInputException for a malformed URL; {@code UNSUPPORTED_URL_SCHEME}, naming the
   *     registered schemes, when no {@link DatabaseBackend} serves the URL's scheme
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached or refuses the credentials; the
   *     message names the host, never the password
   */
  static Database open(String url) {
    return open(DatabaseConfig.of(url));
  }

  /**
   * Opens the database described by {@code config} with the {@link DatabaseBackend} registered for its URL's
   * scheme (see {@link DatabaseBackends}); failures as for {@link #open(String)}, and INVALID
   * {@code UNSUPPORTED_URL_SCHEME} (naming the registered schemes) when no backend serves it.
   */
  static Database open(DatabaseConfig config) {
    return DatabaseBackends.forUrl(config.url()).open(config);
  }

  Dialect dialect();

  /** The URL this database was opened with; its {@code toString()} masks the password. */
  StoreUrl url();

  DatabaseConfig config();

  /** Live introspection of tables, columns, keys and indexes. */
  Schema schema();

  /** Measures a round trip now; never throws (a down database gives {@code up=false} and the reason). */
  Health health();

  /**
   * Applies a schema file (the statements of an SQL script; see {@link #executeScript(String)}), typically of
   * {@code CREATE TABLE IF NOT EXISTS ...} statements at startup.
   *
   * @return the number of statements run
   */
  Result<Integer> initializeSchema(java.nio.file.Path schemaFile);

  /**
   * Database maintenance, outside any transaction: PostgreSQL {@code VACUUM (ANALYZE)}, SQLite {@code VACUUM}
   * then {@code ANALYZE}, MariaDB/MySQL {@code OPTIMIZE TABLE} then {@code ANALYZE TABLE}. With a table name,
   * that table only (SQLite vacuums the whole file: it cannot vacuum one table); with {@code null}, every table. An
   * unknown table is NOT_FOUND {@code TABLE_NOT_FOUND}.
   */
  Result<Void> vacuumAnalyze(String table);

  /** Closes the pools; idempotent. Calls after close fail with UNAVAILABLE {@code DATABASE_CLOSED}. */
  @Override
  void close();
}
