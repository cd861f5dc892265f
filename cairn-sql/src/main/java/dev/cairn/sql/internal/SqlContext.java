package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.RetryPolicy;
import java.util.LinkedHashMap;
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
  final TransactionControl control;
  final StatementRunner statements;
  final DatabaseExecutor executor;
  final Observation observation = new Observation();
  private final Map<Class<?>, RecordMapping<?>> mappings = new ConcurrentHashMap<>();
  private final Map<TableModel, TableStatements> tableStatements = new ConcurrentHashMap<>();
  private volatile boolean closed;

  SqlContext(DatabaseConfig config, Dialect dialect, DSLContext dsl, Connections connections) {
    this.config = config;
    this.dialect = dialect;
    this.dsl = dsl;
    this.connections = connections;
    this.control = TransactionControl.of(dialect, connections.readersAreReadOnly());
    this.statements = new StatementRunner(dialect, config);
    this.schemaCache = new SchemaCache(this);
    this.errors = new SqlErrors(dialect, schemaCache::indexColumns, schemaCache::arrayColumns);
    this.executor = new DatabaseExecutor(this);
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
    return tableStatements.computeIfAbsent(model, key -> new TableStatements(dsl, dialect, key));
  }

  /**
   * Runs {@code attempt} until it returns something that is not {@linkplain SqlErrors#isRetryable retryable}, at
   * most {@link RetryPolicy#maxAttempts()} times, sleeping a full-jitter exponential backoff in between, all within
   * the call's {@link Deadline}. A retryable failure left at the end becomes CONFLICT {@code RETRIES_EXHAUSTED}
   * (transient conflicts) or stays UNAVAILABLE (a database that could not be reached) once attempts run out, and
   * UNAVAILABLE {@code DEADLINE_EXCEEDED} when the deadline leaves no time for the next attempt.
   *
   * <p>The deadline bounds waiting: for a connection, for a lock (SQLite busy, a lock-wait timeout), for a database
   * to come back. A deadlock or serialization failure is not a wait (the database already chose a loser), so it is
   * retried while attempts remain even past the deadline; such a retry takes a connection only if one is free.
   */
  <R> Result<R> withRetry(Supplier<Result<R>> attempt) {
    return Deadline.within(config, deadline -> {
      RetryPolicy policy = config.retry();
      Result<R> result = attempt.get();
      for (int tries = 1; SqlErrors.isRetryable(result); tries++) {
        Result.Failure<R> last = (Result.Failure<R>) result;
        if (tries >= policy.maxAttempts()) {
          return exhausted(last, tries);
        }
        long pauseNanos = backoffNanos(policy, tries);
        if (deadline.remainingMillis() * 1_000_000 <= pauseNanos && !SqlErrors.isResolvedConflict(last)) {
          return deadlineExceeded(last, tries, deadline);
        }
        if (!sleep(pauseNanos)) {
          return result;
        }
        result = attempt.get();
      }
      return result;
    });
  }

  private static <R> Result<R> exhausted(Result.Failure<R> last, int tries) {
    String message = "gave up after " + tries + " attempts: " + last.message();
    if (last.status() == Status.UNAVAILABLE) {
      return Result.failure(last.status(), last.code(), message, last.details(), last.cause());
    }
    return Result.failure(Status.CONFLICT, "RETRIES_EXHAUSTED", message, last.details(), last.cause());
  }

  /** A database that could not be reached says more than the deadline; a conflict that outlasted it does not. */
  private static <R> Result<R> deadlineExceeded(Result.Failure<R> last, int tries, Deadline deadline) {
    if (last.status() == Status.UNAVAILABLE) {
      return last;
    }
    Map<String, Object> details = new LinkedHashMap<>(last.details());
    details.put("operationTimeoutMillis", deadline.budgetMillis());
    details.put("attempts", tries);
    details.put("lastCode", last.code());
    return Result.failure(Status.UNAVAILABLE, "DEADLINE_EXCEEDED", "no answer within the " + deadline.budgetMillis()
        + " ms operation timeout after " + tries + (tries == 1 ? " attempt: " : " attempts: ") + last.message()
        + "; nothing was written", details, last.cause());
  }

  private static long backoffNanos(RetryPolicy policy, int tries) {
    long bound = policy.baseDelay().toNanos() << Math.min(20, tries - 1);
    long cap = Math.min(bound, policy.maxDelay().toNanos());
    return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
  }

  /** Sleeps; false when interrupted (the flag is restored). */
  private static boolean sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
