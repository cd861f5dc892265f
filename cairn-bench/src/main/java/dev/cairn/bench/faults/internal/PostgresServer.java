package dev.cairn.bench.faults.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the fault suite's own: made with {@code initdb} from the installed binaries (the newest
 * under {@code /usr/lib/postgresql}), run by {@code pg_ctl} on a free loopback port with its socket in a temporary
 * directory of its own, as user postgres when we are root (PostgreSQL refuses to run as root). {@code fsync} is off
 * (nothing here crashes the machine, only the server) but {@code synchronous_commit} stays on, so an acknowledged
 * commit is in the log before the client hears of it. Not thread-safe: one scenario thread drives it.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path directory;
  private final Path socketDirectory;
  private final int port;

  private PostgresServer(Path bin, Path directory, Path socketDirectory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.socketDirectory = socketDirectory;
    this.port = port;
  }

  /**
   * Creates and starts a cluster in {@code directory} (emptied first).
   *
   * @throws IOException when PostgreSQL is not installed or does not start
   */
  public static PostgresServer start(Path directory) throws IOException, InterruptedException {
    Path bin = binaries().orElseThrow(() -> new IOException("PostgreSQL is not installed (no initdb under "
        + INSTALLATIONS + "/<version>/bin)"));
    Commands.deleteTree(directory);
    Files.createDirectories(directory);
    Path log = directory.resolve("postgres.log");
    Files.createFile(log);
    if (Commands.isRoot()) {
      Commands.run(List.of("chown", "-R", "postgres:postgres", directory.toString()), log, 30);
    }
    Commands.run(Commands.asUser("postgres", List.of(bin.resolve("initdb").toString(), "-D",
        directory.resolve("data").toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")), log, 180);
    // a Unix socket path must stay under 108 bytes, which a directory deep in a build tree may not
    Path socketDirectory = Files.createTempDirectory("cairn-pg-");
    Files.setPosixFilePermissions(socketDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (Commands.isRoot()) {
      Commands.run(List.of("chown", "postgres:postgres", socketDirectory.toString()), log, 30);
    }
    PostgresServer server = new PostgresServer(bin, directory, socketDirectory, Commands.freePort());
    String options = "-p " + server.port + " -k " + socketDirectory + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c full_page_writes=off";
    server.pgCtl(List.of("-o", options, "-l", directory.resolve("server.log").toString(), "-w", "-t", "90", "start"),
        120);
    return server;
  }

  private static Optional<Path> binaries() throws IOException {
    if (!Files.isDirectory(INSTALLATIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
          .max(Comparator.comparing((Path dir) -> versionNumber(dir.getParent().getFileName().toString())));
    }
  }

  private static int versionNumber(String name) {
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  /** The URL Cairn opens: user postgres, database postgres, no password (trust). */
  public String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  /** A plain JDBC connection, for checking what is stored without going through the code under test. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
  }

  /**
   * {@code pg_ctl restart -m fast}: open sessions are terminated (57P01), the server shuts down cleanly and starts
   * again on the same port; returns when it accepts connections.
   */
  public void restartFast() throws IOException, InterruptedException {
    pgCtl(List.of("-m", "fast", "-l", directory.resolve("server.log").toString(), "-w", "-t", "90", "restart"), 120);
  }

  /** The postmaster's process id, to show that a restart really replaced it. */
  public long postmasterPid() throws IOException {
    List<String> lines =
        Files.readAllLines(directory.resolve("data").resolve("postmaster.pid"), StandardCharsets.UTF_8);
    return Long.parseLong(lines.getFirst().strip());
  }

  private void pgCtl(List<String> arguments, long timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D",
        directory.resolve("data").toString()));
    command.addAll(arguments);
    Commands.run(Commands.asUser("postgres", command), directory.resolve("postgres.log"), timeoutSeconds);
  }

  /** Stops the cluster ({@code pg_ctl stop -m immediate}); never throws, reports a failure on standard error. */
  @Override
  public void close() {
    try {
      pgCtl(List.of("-m", "immediate", "-w", "stop"), 60);
      Commands.deleteTree(socketDirectory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("cairn: interrupted while stopping PostgreSQL in " + directory);
    } catch (IOException e) {
      System.err.println("cairn: could not stop PostgreSQL in " + directory + ": " + e.getMessage());
    }
  }
}
