package dev.cairn.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the installed server binaries. */
public final class Processes {
  private Processes() {}

  /** Whether this JVM runs as root (PostgreSQL then has to be run as user postgres). */
  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** {@code command} prefixed with {@code runuser -u user --} when we are root, else unchanged. */
  public static List<String> asUser(String user, List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Runs {@code command} to completion, its output going to {@code log}.
   *
   * @throws IOException if it cannot start, exits non-zero (the message has the end of the log) or times out
   */
  public static void run(List<String> command, Path log, long timeoutSeconds) throws IOException,
      InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command.getFirst() + " did not finish within " + timeoutSeconds + " s; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + tail(log));
    }
  }

  /** Starts {@code command} in the background, its output going to {@code log}. */
  public static Process start(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /** The last lines of a log, on one line, for an error message. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Stops a server an earlier, crashed JVM left running: the pid in {@code pidFile}, but only if that process runs
   * an executable named in {@code executables}, so a recycled pid is never touched. (The command line cannot be
   * checked: redis-server rewrites its process title; and Debian's redis-server is a link to redis-check-rdb.)
   */
  public static void stopLeftover(Path pidFile, Set<String> executables) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile, StandardCharsets.UTF_8).strip();
    if (!text.matches("\\d+")) {
      return;
    }
    var process = ProcessHandle.of(Long.parseLong(text)).filter(handle -> handle.info().command()
        .map(command -> executables.contains(Path.of(command).getFileName().toString())).orElse(false));
    if (process.isPresent()) {
      process.get().destroy();
      process.get().onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
      if (process.get().isAlive()) {
        process.get().destroyForcibly();
      }
    }
  }

  /** Deletes a directory tree if it exists. */
  public static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Polls {@code check} every 100 ms until it passes or {@code timeoutMillis} pass; rethrows its last failure. */
  public static void awaitReady(Probe check, Process process, long timeoutMillis, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      try {
        check.run();
        return;
      } catch (Exception e) {
        if (process != null && !process.isAlive()) {
          throw new IOException("server exited with " + process.exitValue() + ": " + tail(log), e);
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("server not ready after " + timeoutMillis + " ms: " + e.getMessage(), e);
        }
        Thread.sleep(100);
      }
    }
  }

  /** A readiness check. */
  @FunctionalInterface
  public interface Probe {
    void run() throws Exception;
  }
}
