package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL: env {@code CAIRN_TEST_POSTGRES_URL}, port 5432 as user postgres, or a private cluster made with
 * {@code initdb} and run by {@code pg_ctl}, as user postgres when we are root (PostgreSQL refuses to run as root),
 * with its files in /tmp ({@link #start}).
 */
public final class PostgresType implements ServiceType {
  /** The installed server's binaries (Debian's layout). */
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  /** Open to every user on Linux (FHS), unlike a java.io.tmpdir that may have been set to a private folder. */
  private static final Path TEMPORARY_FOLDER = Path.of("/tmp");

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String urlVariable() {
    return "CAIRN_TEST_POSTGRES_URL";
  }

  @Override
  public StoreUrl standardLocalUrl() {
    return StoreUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres");
  }

  @Override
  public void probe(StoreUrl url) throws SQLException {
    Jdbc.probe(adminUrl(url));
  }

  /** The URL for administration: the given database, or {@code postgres} when the URL names none. */
  public static StoreUrl adminUrl(StoreUrl url) {
    return url.path().isEmpty() ? url.withPath("postgres") : url;
  }

  /**
   * Starts a private cluster for {@code directory}. The cluster itself (data, socket, server log) lives in
   * {@link #home(Path)}, a directory in /tmp owned by the user that runs PostgreSQL:
   * {@code directory} may lie where that user cannot enter (a checkout in a folder of mode 0700, such as under
   * /root), and a socket path must stay under 108 bytes. {@code directory} keeps the log of the commands run.
   * Stopping the server deletes the home.
   */
  @Override
  public PrivateServer start(Path directory) throws Exception {
    return start(BIN, directory);
  }

  /**
   * Starts a private cluster as {@link #start(Path)} does, with the PostgreSQL binaries in {@code bin} (a copy of
   * the installed ones elsewhere finds its share and lib directories relative to {@code bin}).
   */
  public static PrivateServer start(Path bin, Path directory) throws Exception {
    Path initdb = bin.resolve("initdb");
    if (!Files.isExecutable(initdb)) {
      throw new IOException(initdb + " is not installed");
    }
    Path home = home(directory);
    stopLeftover(home, directory);
    Processes.deleteTree(home);
    Processes.deleteTree(directory);
    Files.createDirectories(directory);
    Path log = directory.resolve("postgres.log");
    Files.writeString(log, "cluster in " + home + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.createDirectories(home);
    if (Processes.isRoot()) {
      Processes.run(List.of("chown", "postgres:postgres", home.toString()), log, 30);
    }
    Path data = home.resolve("data");
    Processes.run(Processes.asUser("postgres", List.of(initdb.toString(), "-D", data.toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8", "--no-sync")), log, 120);
    int port = FreePort.find();
    // fsync off and a socket in our own directory: a throw-away cluster must be fast and must not collide with
    // the system server's socket in /var/run/postgresql.
    String options = "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c full_page_writes=off -c synchronous_commit=off";
    Processes.run(Processes.asUser("postgres", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
        "-o", options, "-l", home.resolve("server.log").toString(), "-w", "-t", "60", "start")), log, 90);
    StoreUrl url = StoreUrl.parse("postgresql://postgres@127.0.0.1:" + port + "/postgres");
    PgCtlServer server = new PgCtlServer(url, home, log, bin);
    try {
      Processes.awaitReady(() -> Jdbc.probe(url), null, 10_000, log);
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /**
   * Where the cluster for {@code directory} lives: {@code /tmp/cairn-pg-<hash of the directory>},
   * so a run after a crash finds (and stops) what the crashed run left, and two build trees never share one.
   */
  static Path home(Path directory) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256")
          .digest(directory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    return TEMPORARY_FOLDER.resolve("cairn-pg-" + HexFormat.of().formatHex(digest, 0, 8));
  }

  private static void stopLeftover(Path home, Path directory) {
    if (Files.exists(home.resolve("data").resolve("postmaster.pid"))) {
      new PgCtlServer(null, home, directory.resolve("postgres.log"), BIN).stop();
    }
  }

  /**
   * A cluster run by pg_ctl; stopping it uses pg_ctl too, because the postmaster is not our child, then deletes its
   * home.
   */
  record PgCtlServer(StoreUrl url, Path home, Path log, Path bin) implements PrivateServer {
    @Override
    public void stop() {
      Path data = home.resolve("data");
      try {
        if (Files.exists(data.resolve("postmaster.pid"))) {
          Processes.run(Processes.asUser("postgres", List.of(bin.resolve("pg_ctl").toString(), "-D",
              data.toString(), "-m", "immediate", "-w", "stop")), log, 30);
        }
        Processes.deleteTree(home);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        System.err.println("cairn-testkit: interrupted while stopping PostgreSQL in " + data);
      } catch (IOException e) {
        System.err.println("cairn-testkit: could not stop PostgreSQL in " + data + ": " + e.getMessage());
      }
    }
  }
}
