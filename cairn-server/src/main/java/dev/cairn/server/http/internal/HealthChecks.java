package dev.cairn.server.http.internal;

import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Health checks that answer within a timeout whatever the database does: each round trip runs on a platform
 * thread of its own (never queued behind the request lanes, never pinning a virtual thread's carrier), and a check
 * still running is shared by the callers that come meanwhile rather than started again, so a hanging database
 * costs one thread, not one per probe. Thread-safe.
 *
 * <p>Verdicts: DOWN when the round trip failed (cannot connect, closed); DEGRADED when it did not answer within
 * the timeout, no pool connection freed up in time, callers are waiting for a connection or a database thread, or
 * the request queue is full; UP otherwise.
 */
public final class HealthChecks implements AutoCloseable {
  private final Duration timeout;
  private final DatabaseLanes lanes;
  private final ExecutorService checkers =
      Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("cairn-health-", 1).daemon(true).factory());
  private final Map<Database, SingleFlight<Health>> databases = new ConcurrentHashMap<>();
  private final SingleFlight<Duration> kv;

  /** The outcome of one check. */
  enum State { UP, DEGRADED, DOWN }

  /**
   * What a check found.
   *
   * @param latency the round trip, or null when there was none in time
   * @param reason why not UP, or null
   * @param health the database's figures (null for the key-value store or without an answer)
   * @param errorCode the failure code when the key-value store is down, else null
   * @param load the database's calls in the request lanes (null for the key-value store)
   */
  record Verdict(State state, Duration latency, String reason, Health health, String errorCode,
      DatabaseLanes.Load load) {}

  public HealthChecks(Duration timeout, DatabaseLanes lanes, KeyValue store) {
    this.timeout = timeout;
    this.lanes = lanes;
    this.kv = new SingleFlight<>(store::ping);
  }

  Verdict database(Database database) {
    SingleFlight<Health> check = databases.computeIfAbsent(database, db -> new SingleFlight<>(db::health));
    DatabaseLanes.Load load = lanes.load(database);
    Health health;
    try {
      health = check.await();
    } catch (TimeoutException e) {
      return new Verdict(State.DEGRADED, null, "no answer within " + timeout.toMillis() + " ms", null, null, load);
    }
    if (!health.up() && !poolExhausted(health)) {
      return new Verdict(State.DOWN, health.latency(), health.error(), health, null, load);
    }
    List<String> reasons = new ArrayList<>();
    if (!health.up()) {
      reasons.add("every connection is busy (" + health.error() + ")");
    }
    if (health.waitingThreads() > 0) {
      reasons.add(health.waitingThreads() + " callers waiting for a connection");
    }
    if (load.full()) {
      reasons.add("request queue full, new requests are refused");
    } else if (load.queued() > 0) {
      reasons.add(load.queued() + " requests waiting for a database thread");
    }
    return reasons.isEmpty() ? new Verdict(State.UP, health.latency(), null, health, null, load)
        : new Verdict(State.DEGRADED, health.latency(), String.join("; ", reasons), health, null, load);
  }

  // The pool's words when no connection freed up in time (HikariCP's own, or cairn-sql's DEADLINE_EXCEEDED for a
  // pool wait past the operation timeout): the database answers others, so this is busy, not down.
  private static boolean poolExhausted(Health health) {
    String error = health.error();
    return error != null && (error.contains("Connection is not available") || error.contains("no connection of pool"));
  }

  Verdict kv() {
    try {
      return new Verdict(State.UP, kv.await(), null, null, null, null);
    } catch (TimeoutException e) {
      return new Verdict(State.DEGRADED, null, "no answer within " + timeout.toMillis() + " ms", null, null, null);
    } catch (CairnException e) {
      return new Verdict(State.DOWN, null, e.getMessage(), null, e.code(), null);
    }
  }

  @Override
  public void close() {
    checkers.shutdownNow();
  }

  /** One check in flight at a time; callers meanwhile wait for that one, each up to the timeout. */
  private final class SingleFlight<T> {
    private final Supplier<T> check;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<T> running;

    SingleFlight(Supplier<T> check) {
      this.check = check;
    }

    T await() throws TimeoutException {
      CompletableFuture<T> current;
      lock.lock();
      try {
        if (running == null || running.isDone()) {
          running = CompletableFuture.supplyAsync(check, checkers);
        }
        current = running;
      } finally {
        lock.unlock();
      }
      try {
        return current.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("health check failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TimeoutException("interrupted");
      }
    }
  }
}
