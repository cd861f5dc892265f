package dev.cairn.server.http.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.Dialect;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the admin API runs its database calls: per database, {@link Lane}s of platform threads sized to its
 * connection pool, so that a blocking native call (sqlite-jdbc) never pins the carrier of a virtual thread, and
 * so that waiting is bounded (queue size, request deadline) instead of piling up in the pool.
 *
 * <p>Shapes: a SQLite file has a read lane of {@code poolSize} threads (its read pool), at most one per processor
 * ({@link #sqliteReaders}), and a write lane of one thread (its single writer connection), so queued writers never
 * hold up reads; an in-memory SQLite database has one connection, hence one lane of one thread; a server database
 * has one lane of {@code poolSize} threads for both. Migrations and registry-wide calls share one lane of their own.
 * Lanes are made on first use and stopped by {@link #close()}. Thread-safe.
 */
public final class DatabaseLanes implements AutoCloseable {
  private final Duration requestTimeout;
  private final int maxQueued;
  private final Map<Database, Lanes> lanes = new ConcurrentHashMap<>();
  private final AtomicInteger names = new AtomicInteger();
  private final Lane admin;

  private record Lanes(Lane reads, Lane writes) {}

  /** What {@link #load(Database)} reports for health: calls running and waiting, and whether more are refused. */
  record Load(int running, int queued, boolean full) {}

  public DatabaseLanes(Duration requestTimeout, int maxQueued) {
    this.requestTimeout = requestTimeout;
    this.maxQueued = maxQueued;
    this.admin = new Lane("cairn-db-admin", 1, maxQueued);
  }

  /** Runs a read of {@code database} for the request; refusals as {@link Lane#call}. */
  <T> T read(Context ctx, Database database, Supplier<T> work) {
    return lanesOf(database).reads().call(RequestDeadline.of(ctx, requestTimeout), work);
  }

  /** Runs a write (or a read-write transaction) of {@code database} for the request. */
  <T> T write(Context ctx, Database database, Supplier<T> work) {
    return lanesOf(database).writes().call(RequestDeadline.of(ctx, requestTimeout), work);
  }

  /** Runs a migration or a call over the whole registry. */
  <T> T admin(Context ctx, Supplier<T> work) {
    return admin.call(RequestDeadline.of(ctx, requestTimeout), work);
  }

  /** The calls of {@code database} in its lanes now; zeros before first use. */
  Load load(Database database) {
    Lanes of = lanes.get(database);
    if (of == null) {
      return new Load(0, 0, false);
    }
    if (of.reads() == of.writes()) {
      return new Load(of.reads().running(), of.reads().queued(), of.reads().full());
    }
    return new Load(of.reads().running() + of.writes().running(), of.reads().queued() + of.writes().queued(),
        of.reads().full() || of.writes().full());
  }

  private Lanes lanesOf(Database database) {
    return lanes.computeIfAbsent(database, this::create);
  }

  private Lanes create(Database database) {
    String name = "cairn-db-" + names.incrementAndGet();
    int poolSize = database.config().poolSize();
    if (database.dialect() != Dialect.SQLITE) {
      Lane both = new Lane(name, poolSize, maxQueued);
      return new Lanes(both, both);
    }
    if (database.url().isSqliteMemory()) {
      Lane single = new Lane(name, 1, maxQueued);
      return new Lanes(single, single);
    }
    return new Lanes(new Lane(name + "-read", sqliteReaders(poolSize), maxQueued),
        new Lane(name + "-write", 1, maxQueued));
  }

  /**
   * Threads for a SQLite file's reads: its read pool, but no more than the processors. A SQLite read is CPU work in
   * this process, not a wait on a server, so threads beyond the cores only take turns on them: on 2 cores with 10
   * read threads, the read lane used 0.38 ms of CPU per page of 50 rows against 0.28 ms for the whole direct call
   * ({@code cairn bench http}, 50 connections).
   */
  static int sqliteReaders(int poolSize) {
    return Math.max(1, Math.min(poolSize, Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public void close() {
    lanes.values().forEach(of -> {
      of.reads().close();
      if (of.writes() != of.reads()) {
        of.writes().close();
      }
    });
    admin.close();
  }
}
