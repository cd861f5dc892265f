package dev.cairn.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One HikariCP pool to PostgreSQL or MariaDB/MySQL (the MariaDB driver serves {@code mysql://} too). Each new
 * connection gets a statement limit ({@link #sessionLimits}): statements may run {@code queryTimeout}.
 */
final class ServerConnections implements Connections {
  private final HikariDataSource pool;

  private ServerConnections(HikariDataSource pool) {
    this.pool = pool;
  }

  static ServerConnections open(DatabaseConfig config) {
    StoreUrl url = config.url();
    long timeoutMillis = config.connectTimeout().toMillis();
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("cairn-" + url.kind().name().toLowerCase(java.util.Locale.ROOT));
    hikari.setJdbcUrl(jdbcUrl(url, timeoutMillis));
    if (url.user() != null) {
      hikari.setUsername(url.user());
    }
    if (url.password() != null) {
      hikari.setPassword(url.password());
    }
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(Math.max(250, timeoutMillis));
    hikari.setInitializationFailTimeout(timeoutMillis);
    hikari.setValidationTimeout(Math.max(250, Math.min(timeoutMillis, 5000)));
    hikari.setConnectionInitSql(sessionLimits(config));
    return new ServerConnections(Pools.start(hikari, url));
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
    return Pools.borrow(pool, deadline);
  }

  @Override
  public Connection reader(Deadline deadline) throws SQLException {
    return Pools.borrow(pool, deadline);
  }

  @Override
  public void evict(Connection connection, boolean reader) {
    pool.evictConnection(connection);
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
  public void bindMetrics(Object meterRegistry) {
    pool.setMetricRegistry(meterRegistry);
  }

  @Override
  public void close() {
    pool.close();
  }
}
