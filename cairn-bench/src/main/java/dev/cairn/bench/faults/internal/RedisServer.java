package dev.cairn.bench.faults.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the fault suite's own on a free loopback port, started from the installed binary into a
 * directory of its own, that can be killed with SIGKILL and started again on the same port and data. Either with an
 * append-only file synced on every write ({@code --appendonly yes --appendfsync always}), so every acknowledged
 * write survives a kill, or without any persistence. Not thread-safe: one scenario thread drives it.
 */
public final class RedisServer implements AutoCloseable {
  private static final long READY_MILLIS = 20_000;

  private final Path directory;
  private final int port;
  private final boolean appendOnly;
  private Process process;
  private int starts;

  private RedisServer(Path directory, int port, boolean appendOnly) {
    this.directory = directory;
    this.port = port;
    this.appendOnly = appendOnly;
  }

  /**
   * Starts a server in {@code directory} (created).
   *
   * @throws IOException when redis-server is not installed or does not come up
   */
  public static RedisServer start(Path directory, boolean appendOnly) throws IOException, InterruptedException {
    if (Commands.onPath("redis-server").isEmpty()) {
      throw new IOException("redis-server is not installed (not on the PATH)");
    }
    Files.createDirectories(directory);
    RedisServer server = new RedisServer(directory, Commands.freePort(), appendOnly);
    server.launch();
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the server with SIGKILL (no shutdown, no final fsync) and waits until it is gone. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** Starts the server again on the same port and directory after {@link #kill9()}; waits until it answers PING. */
  public void restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
    launch();
  }

  /** How many times the server process was started, the first start included. */
  public int starts() {
    return starts;
  }

  private void launch() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--dir", directory.toString(), "--save", "", "--daemonize", "no"));
    if (appendOnly) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no"));
    }
    Path log = directory.resolve("redis.log");
    process = Commands.start(command, log);
    starts++;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
    while (!answersPing()) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + ": " + Commands.tail(log));
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("redis-server not ready on port " + port + " after " + READY_MILLIS + " ms: "
            + Commands.tail(log));
      }
      Thread.sleep(50);
    }
  }

  // PONG only once the append-only file is loaded: before that Redis answers -LOADING.
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[5];
      int read = in.readNBytes(reply, 0, reply.length);
      return read == 5 && "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server with SIGTERM (SIGKILL after 20 s); idempotent. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
