package dev.cairn.bench.faults.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A second JVM running a main class from this JVM's class path, so a fault can hit a whole process: its standard
 * output is read line by line (each line handed to a listener and kept for {@link #awaitLine}), its standard error
 * goes to a log file, and it can be killed with SIGKILL, paused with SIGSTOP and resumed with SIGCONT.
 *
 * <p>The child gets a small heap and the serial collector: several run on a 2-core machine at once.
 */
public final class ChildJvm implements AutoCloseable {
  private static final long STOP_TIMEOUT_SECONDS = 20;

  private final String name;
  private final Process process;
  private final Path errorLog;
  private final Writer stdin;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private int consumed; // lines before this index have been matched by awaitLine already; guarded by lines

  private ChildJvm(String name, Process process, Path errorLog, Consumer<String> listener) {
    this.name = name;
    this.process = process;
    this.errorLog = errorLog;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.reader = Thread.ofPlatform().daemon().name("fault-child-" + name).start(() -> read(listener));
  }

  /**
   * Starts {@code mainClass} with {@code arguments} in a new JVM on this JVM's class path.
   *
   * @param jvmOptions extra JVM options (e.g. {@code -XX:ActiveProcessorCount=2})
   * @param environment variables added to this process's environment
   * @param errorLog where the child's standard error goes
   * @param listener called with every line of standard output, on the reader thread
   */
  public static ChildJvm start(String name, String mainClass, List<String> jvmOptions, List<String> arguments,
      Map<String, String> environment, Path errorLog, Consumer<String> listener) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
    builder.environment().putAll(environment);
    return new ChildJvm(name, builder.start(), errorLog, listener);
  }

  private void read(Consumer<String> listener) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        listener.accept(line);
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the child died or was killed: its output simply ends
    } finally {
      synchronized (lines) {
        lines.notifyAll();
      }
    }
  }

  /**
   * Waits until the child has printed a line matching {@code match} after the line the previous call returned (from
   * the start of its output on the first call) and returns it.
   *
   * @throws IOException when the child exits first or {@code timeout} passes, with the end of its error log
   */
  public String awaitLine(Predicate<String> match, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (; consumed < lines.size(); consumed++) {
          if (match.test(lines.get(consumed))) {
            return lines.get(consumed++);
          }
        }
        long left = deadline - System.nanoTime();
        if (!reader.isAlive() || left <= 0) {
          throw new IOException(name + (reader.isAlive() ? " printed no expected line within " + timeout
              : " ended (exit " + exitValueOrNone() + ") before printing the expected line") + "; its output: "
              + lastLines() + "; its error log: " + Commands.tail(errorLog));
        }
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** Sends one line to the child's standard input. */
  public void send(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " no longer reads its input", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the child with SIGKILL and waits for it to be gone; returns its exit status (137 when killed). */
  public int kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    reader.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Pauses the child with SIGSTOP: it keeps its sockets and locks but runs nothing until {@link #resume()}. */
  public void pause() throws IOException, InterruptedException {
    Signals.send("STOP", process.pid());
  }

  /** Resumes a paused child with SIGCONT. */
  public void resume() throws IOException, InterruptedException {
    Signals.send("CONT", process.pid());
  }

  /** Waits up to {@code timeout} for the child to exit by itself; returns its exit status, or -1 if it still runs. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      reader.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
      return process.exitValue();
    }
    return -1;
  }

  /** The child's output so far. */
  public List<String> output() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private String exitValueOrNone() {
    return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
  }

  private String lastLines() {
    synchronized (lines) {
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
  }

  /** Stops the child with SIGTERM (a resumed one first, in case it is paused), SIGKILL after 20 s; idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      resume();
      process.destroy();
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException e) {
      process.destroyForcibly();
    }
  }
}
