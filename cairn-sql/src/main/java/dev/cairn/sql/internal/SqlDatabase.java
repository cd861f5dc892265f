package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Health;
import dev.cairn.sql.Rows;
import dev.cairn.sql.Schema;
import dev.cairn.sql.Table;
import dev.cairn.sql.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;

/** The {@link Database}: each call outside a transaction runs on its own short-lived connection use. */
final class SqlDatabase extends RawSession implements Database {
  private final Dialect dialect;
  private final String serverVersion;

  SqlDatabase(SqlContext context, Dialect dialect, String serverVersion) {
    super(context);
    this.dialect = dialect;
    this.serverVersion = serverVersion;
  }

  @Override
  public <T extends Record> Table<T> table(Class<T> type) {
    return new TypedTable<>(context, context.mapping(type), context.executor);
  }

  @Override
  Executor executor() {
    return context.executor;
  }

  @Override
  public Result<Integer> initializeSchema(java.nio.file.Path schemaFile) {
    return executeScript(schemaFile);
  }

  @Override
  public Result<Void> vacuumAnalyze(String table) {
    return Maintenance.vacuumAnalyze(context, table);
  }

  @Override
  public Rows rows(String table) {
    return new DynamicRows(context, table, context.executor);
  }

  @Override
  public <R> Result<R> transaction(Function<Transaction, Result<R>> work) {
    return context.observation.observed("transaction", () -> TransactionRunner.outermost(context, false, work));
  }

  @Override
  public <R> Result<R> readOnlyTransaction(Function<Transaction, Result<R>> work) {
    return context.observation.observed("read_only_transaction",
        () -> TransactionRunner.outermost(context, true, work));
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public StoreUrl url() {
    return context.config.url();
  }

  @Override
  public DatabaseConfig config() {
    return context.config;
  }

  @Override
  public Schema schema() {
    return new LiveSchema(context);
  }

  @Override
  public Health health() {
    Connections.PoolCounts counts = context.isClosed() ? new Connections.PoolCounts(0, 0, 0)
        : context.connections.counts();
    String url = context.config.url().toString();
    if (context.isClosed()) {
      return new Health(false, Duration.ZERO, 0, 0, 0, dialect, null, url, "database is closed");
    }
    java.time.Instant start = context.config.clock().instant();
    try (Connection connection = context.connections.reader(Deadline.current(context.config));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 1")) {
      rs.next();
      Duration latency = Duration.between(start, context.config.clock().instant());
      counts = context.connections.counts();
      return new Health(true, latency, counts.active(), counts.idle(), counts.waiting(), dialect, serverVersion,
          url, null);
    } catch (SQLException | UnavailableException e) {
      String reason = Redaction.scrub(String.valueOf(e.getMessage()), context.config.url()).replace('\n', ' ');
      return new Health(false, Duration.ZERO, counts.active(), counts.idle(), counts.waiting(), dialect, null, url,
          reason);
    }
  }

  @Override
  public void close() {
    if (!context.isClosed()) {
      context.markClosed();
      context.connections.close();
    }
  }

  @Override
  public String toString() {
    return "Database[" + context.config.url() + "]";
  }
}
