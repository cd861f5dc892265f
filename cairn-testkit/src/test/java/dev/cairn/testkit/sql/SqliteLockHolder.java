package dev.cairn.testkit.sql;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Another OS process holding SQLite's write lock: the {@code sqlite3} shell, fed through a pipe, runs
 * {@code BEGIN IMMEDIATE} on the file and keeps the transaction open until {@link #close()} rolls it back.
 */
final class SqliteLockHolder implements AutoCloseable {
  private static final String SHELL = "/usr/bin/sqlite3";

  private final Process process;
  private final Writer input;

  private SqliteLockHolder(Process process, Writer input) {
    this.process = process;
    this.input = input;
  }

  /** Starts the shell and returns once the lock is really held (a probe's {@code BEGIN IMMEDIATE} is refused). */
  static SqliteLockHolder hold(Path file) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(SHELL, file.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    SqliteLockHolder holder = new SqliteLockHolder(process, input);
    try {
      input.write(".timeout 10000\nBEGIN IMMEDIATE;\n");
      input.flush();
      awaitLocked(file, process);
      return holder;
    } catch (IOException | InterruptedException | RuntimeException e) {
      holder.close();
      throw e;
    }
  }

  private static void awaitLocked(Path file, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(SHELL + " exited with " + process.exitValue() + " before taking the lock");
      }
      try (Connection probe = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = probe.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 0");
        statement.execute("BEGIN IMMEDIATE");
        statement.execute("ROLLBACK");
      } catch (SQLException busy) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(SHELL + " did not take the write lock of " + file + " within 10 s");
  }

  /** Rolls the shell's transaction back and waits for it to exit. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      input.write("ROLLBACK;\n.quit\n");
      input.close();
    } catch (IOException alreadyGone) {
      // the process ended on its own; waiting below tells
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(SHELL + " did not exit within 10 s of being told to");
    }
  }
}
