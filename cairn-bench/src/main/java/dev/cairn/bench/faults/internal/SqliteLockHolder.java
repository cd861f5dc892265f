package dev.cairn.bench.faults.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another process holding a SQLite file's write lock: the {@code sqlite3} command-line shell, fed through a pipe,
 * takes {@code BEGIN IMMEDIATE} (waiting for the lock as long as needed), holds it for {@code hold}, commits,
 * leaves the lock free for {@code gap}, and again, until stopped. It echoes a marker after each step, so the holds
 * counted are holds that happened.
 */
public final class SqliteLockHolder implements AutoCloseable {
  private static final long STEP_TIMEOUT_SECONDS = 30;

  private final Process shell;
  private final Writer commands;
  private final BufferedReader answers;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger holds = new AtomicInteger();
  private final Thread loop;
  private volatile Exception failure;

  private SqliteLockHolder(Process shell, Duration hold, Duration gap) {
    this.shell = shell;
    this.commands = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
    this.loop = Thread.ofPlatform().daemon().name("fault-sqlite-lock-holder").start(() -> hold(hold, gap));
  }

  /**
   * Starts holding the lock of {@code file} in a loop.
   *
   * @throws IOException when the sqlite3 shell is not installed or does not start
   */
  public static SqliteLockHolder start(Path file, Duration hold, Duration gap, Path log) throws IOException {
    Path sqlite3 = Commands.onPath("sqlite3").orElseThrow(() ->
        new IOException("the sqlite3 shell is not installed (not on the PATH)"));
    Process shell = new ProcessBuilder(List.of(sqlite3.toString(), file.toString()))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new SqliteLockHolder(shell, hold, gap);
  }

  private void hold(Duration hold, Duration gap) {
    try {
      step(".timeout 60000\nSELECT 'ready';", "ready");
      while (running.get()) {
        step("BEGIN IMMEDIATE;\nSELECT 'held';", "held");
        Thread.sleep(hold.toMillis());
        step("COMMIT;\nSELECT 'released';", "released");
        holds.incrementAndGet();
        Thread.sleep(gap.toMillis());
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void step(String sql, String marker) throws IOException {
    commands.write(sql + "\n");
    commands.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_TIMEOUT_SECONDS);
    String line;
    while ((line = answers.readLine()) != null) {
      if (line.strip().equals(marker)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    throw new IOException("sqlite3 did not answer '" + marker + "' (last line: " + line + ")");
  }

  /** How many times the lock was taken, held and released. */
  public int holds() {
    return holds.get();
  }

  /**
   * Stops after the current hold and ends the shell (which releases a lock still held).
   *
   * @throws IOException when the holding loop had failed
   */
  @Override
  public void close() throws IOException {
    running.set(false);
    try {
      loop.join(TimeUnit.SECONDS.toMillis(STEP_TIMEOUT_SECONDS));
      commands.close();
      if (!shell.waitFor(10, TimeUnit.SECONDS)) {
        shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shell.destroyForcibly();
    }
    if (failure != null) {
      throw new IOException("the sqlite3 lock holder failed: " + failure.getMessage(), failure);
    }
  }
}
