package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.RetryPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/** What every session of one database shares: configuration, pools, renderer, caches. Thread-safe. */
final class SqlContext {
  final DatabaseConfig config;
  final Dialect dialect;
  final DSLContext dsl;
  final Connections connections;
  final SqlErrors errors;
  final SchemaCache schemaCache;
  final DatabaseExecutor executor;
  private final Map<Class<?>, RecordMapping<?>> mappings = new ConcurrentHashMap<>();
  private final Map<TableModel, TableStatements> statements = new ConcurrentHashMap<>();
  private volatile boolean closed;

  SqlContext(DatabaseConfig config, Dialect dialect, DSLContext dsl, Connections connections) {
    this.config = config;
    this.dialect = dialect;
    this.dsl = dsl;
    this.connections = connections;
    this.executor = new DatabaseExecutor(connections, this::requireOpen);
    this.schemaCache = new SchemaCache(this);
    this.errors = new SqlErrors(dialect, schemaCache::indexColumns);
  }

  void requireOpen() {
    if (closed) {
      throw new UnavailableException("DATABASE_CLOSED", "database " + config.url() + " is closed");
    }
  }

  boolean isClosed() {
    return closed;
  }

  void markClosed() {
    closed = true;
  }

  @SuppressWarnings("unchecked")
  <T extends Record> RecordMapping<T> mapping(Class<T> type) {
    return (RecordMapping<T>) mappings.computeIfAbsent(type, key -> RecordMapping.of(type));
  }

  TableStatements statements(TableModel model) {
    return statements.computeIfAbsent(model, key -> new TableStatements(dsl, dialect, key));
  }

  /**
   * Runs {@code attempt} until it returns something other than a transient conflict, at most
   * {@link RetryPolicy#maxAttempts()} times, sleeping a full-jitter exponential backoff in between.
   */
  <R> Result<R> withRetry(Supplier<Result<R>> attempt) {
    RetryPolicy policy = config.retry();
    Result<R> result = attempt.get();
    for (int tries = 1; SqlErrors.isTransient(result); tries++) {
      if (tries >= policy.maxAttempts()) {
        Result.Failure<R> last = (Result.Failure<R>) result;
        return Result.failure(Status.CONFLICT, "RETRIES_EXHAUSTED",
            "gave up after " + tries + " attempts: " + last.message(), last.details(), last.cause());
      }
      if (!backoff(policy, tries)) {
        return result;
      }
      result = attempt.get();
    }
    return result;
  }

  /** Sleeps before attempt {@code tries + 1}; false when interrupted (the flag is restored). */
  private static boolean backoff(RetryPolicy policy, int tries) {
    long bound = policy.baseDelay().toNanos() << Math.min(20, tries - 1);
    long cap = Math.min(bound, policy.maxDelay().toNanos());
    long nanos = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
