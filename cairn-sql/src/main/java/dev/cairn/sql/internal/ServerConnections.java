package dev.cairn.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One HikariCP pool to PostgreSQL or MariaDB/MySQL (the MariaDB driver serves {@code mysql://} too). Each new
 * connection gets a statement limit ({@link #sessionLimits}): statements may run {@code queryTimeout}.
 */
final class ServerConnections implements Connections {
  private final HikariDataSource pool;
  private final java.time.Duration poolTimeout;
  private final boolean echo;

  private ServerConnections(HikariDataSource pool, DatabaseConfig config) {
    this.pool = pool;
    this.poolTimeout = config.pool().poolTimeout();
    this.echo = config.pool().echo();
  }

  static ServerConnections open(DatabaseConfig config) {
    StoreUrl url = config.url();
    return open(config, url.kind().name().toLowerCase(java.util.Locale.ROOT),
        jdbcUrl(url, config.connectTimeout().toMillis()), url.user(), url.password(), sessionLimits(config));
  }

  /** A pool to any JDBC URL (a plugged-in backend's too), with the configuration's pool settings. */
  static ServerConnections open(DatabaseConfig config, String name, String jdbcUrl, String user, String password,
      String initSql) {
    long timeoutMillis = config.connectTimeout().toMillis();
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("cairn-" + name);
    hikari.setJdbcUrl(jdbcUrl);
    if (user != null) {
      hikari.setUsername(user);
    }
    if (password != null) {
      hikari.setPassword(password);
    }
    Pools.size(hikari, config, config.poolSize());
    hikari.setConnectionTimeout(Math.max(250, timeoutMillis));
    hikari.setInitializationFailTimeout(timeoutMillis);
    hikari.setValidationTimeout(Math.max(250, Math.min(timeoutMillis, 5000)));
    if (initSql != null) {
      hikari.setConnectionInitSql(initSql);
    }
    return new ServerConnections(Pools.start(hikari, config.url()), config);
  }

  /**
   * The statement that bounds each session's statements: PostgreSQL {@code statement_timeout}, MariaDB
   * {@code max_statement_time}. Waits for row locks happen inside statements, so they are bounded too (a shorter
   * lock timeout would turn a busy but healthy database's queues into failures). A {@code mysql://} URL may reach
   * MySQL, which has no {@code max_statement_time}: that part is in a MariaDB-only comment, and a MySQL server runs
   * without a statement limit.
   */
  static String sessionLimits(DatabaseConfig config) {
    long statementMillis = config.queryTimeout().toMillis();
    if (config.url().kind() == StoreUrl.Kind.POSTGRESQL) {
      return "select set_config('statement_timeout', '" + statementMillis + "', false)";
    }
    return "set @cairn_query_timeout_ms = " + statementMillis + " /*M! , session max_statement_time = "
        + java.math.BigDecimal.valueOf(statementMillis, 3).toPlainString() + " */";
  }

  private static String jdbcUrl(StoreUrl url, long timeoutMillis) {
    boolean postgres = url.kind() == StoreUrl.Kind.POSTGRESQL;
    StringBuilder jdbc = new StringBuilder(postgres ? "jdbc:postgresql://" : "jdbc:mariadb://");
    StringJoiner hosts = new StringJoiner(",");
    url.hosts().forEach(host -> hosts.add(host.toString()));
    jdbc.append(hosts).append('/').append(url.path());
    StringJoiner params = new StringJoiner("&", "?", "");
    if (postgres) {
      params.add("reWriteBatchedInserts=true");
      params.add("connectTimeout=" + Math.max(1, (timeoutMillis + 999) / 1000));
    } else {
      params.add("connectTimeout=" + timeoutMillis);
    }
    for (Map.Entry<String, String> param : url.params().entrySet()) {
      params.add(encode(param.getKey()) + "=" + encode(param.getValue()));
    }
    return jdbc.append(params).toString();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public Connection writer(Deadline deadline) throws SQLException {
    return Echo.wrap(Pools.borrow(pool, deadline, poolTimeout), echo);
  }

  @Override
  public Connection reader(Deadline deadline) throws SQLException {
    return Echo.wrap(Pools.borrow(pool, deadline, poolTimeout), echo);
  }

  @Override
  public void evict(Connection connection, boolean reader) {
    pool.evictConnection(Echo.unwrap(connection));
  }

  @Override
  public boolean readersAreReadOnly() {
    return false;
  }

  @Override
  public PoolCounts counts() {
    return Pools.counts(pool);
  }

  @Override
  public List<HikariDataSource> pools() {
    return List.of(pool);
  }

  @Override
  public void close() {
    pool.close();
  }
}
