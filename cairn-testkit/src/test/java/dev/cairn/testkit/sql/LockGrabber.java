package dev.cairn.testkit.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.sqlite.BusyHandler;

/**
 * A competing writer that takes SQLite's write lock the instant another connection releases it, then holds it
 * for a while: told by {@link #grabNextRelease()} (from inside a transaction that holds the lock), it runs
 * {@code BEGIN IMMEDIATE} with a busy handler that spins instead of sleeping, so it wins the lock in the moment
 * after the other side's {@code COMMIT}. This makes the window between a COMMIT and whatever the committing
 * connection does next (sqlite-jdbc used to run {@code begin immediate;} there) lose the race every time.
 */
final class LockGrabber implements AutoCloseable {
  private final Connection connection;
  private final Duration hold;
  private final Semaphore go = new Semaphore(0);
  private final AtomicInteger grabs = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean spinning;
  private volatile boolean closed;

  LockGrabber(Path file, Duration hold) throws SQLException {
    this.hold = hold;
    this.connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    BusyHandler.setHandler(connection, new BusyHandler() {
      @Override
      protected int callback(int previousCalls) {
        spinning = true;
        Thread.onSpinWait();
        return closed ? 0 : 1;
      }
    });
    this.thread = Thread.ofPlatform().daemon().name("lock-grabber").start(this::run);
  }

  /**
   * Makes the grabber wait for the lock the caller holds now, and returns once it is spinning for it, so the
   * caller's next release goes to the grabber.
   *
   * @throws AssertionError when the grabber gets the lock at once: the caller did not hold it
   */
  void grabNextRelease() {
    int before = grabs.get();
    spinning = false;
    go.release();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!spinning) {
      if (grabs.get() > before) {
        throw new AssertionError("the grabber took the write lock at once: the transaction's work ran without it");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the grabber did not start waiting for the lock within 5 s");
      }
      Thread.onSpinWait();
    }
  }

  /** How many times the grabber took and held the lock. */
  int grabs() {
    return grabs.get();
  }

  /** Waits (up to 5 s) until the grabber has taken the lock {@code count} times in all. */
  void awaitGrabs(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (grabs.get() < count) {
      if (failure.get() != null) {
        throw new AssertionError("the lock grabber failed", failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the grabber took the lock " + grabs.get() + " times, not " + count);
      }
      Thread.sleep(1);
    }
  }

  private void run() {
    try (Statement statement = connection.createStatement()) {
      while (!closed) {
        if (!go.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          continue;
        }
        statement.execute("BEGIN IMMEDIATE");
        grabs.incrementAndGet();
        Thread.sleep(hold.toMillis());
        statement.execute("COMMIT");
      }
    } catch (SQLException | InterruptedException | RuntimeException e) {
      if (!closed) {
        failure.set(e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    thread.join(TimeUnit.SECONDS.toMillis(10));
    connection.close();
    if (failure.get() != null) {
      throw new AssertionError("the lock grabber failed", failure.get());
    }
  }
}
