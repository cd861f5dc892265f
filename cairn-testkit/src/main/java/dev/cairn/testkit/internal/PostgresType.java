package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL: env {@code CAIRN_TEST_POSTGRES_URL}, port 5432 as user postgres, or a private cluster made with
 * {@code initdb} and run by {@code pg_ctl}, as user postgres when we are root (PostgreSQL refuses to run as root).
 */
public final class PostgresType implements ServiceType {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

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

  @Override
  public PrivateServer start(Path directory) throws Exception {
    Path initdb = BIN.resolve("initdb");
    if (!Files.isExecutable(initdb)) {
      throw new IOException(initdb + " is not installed");
    }
    stopLeftover(directory);
    Processes.deleteTree(directory);
    Files.createDirectories(directory);
    Path data = directory.resolve("data");
    Path log = directory.resolve("postgres.log");
    Files.createFile(log);
    if (Processes.isRoot()) {
      Processes.run(List.of("chown", "-R", "postgres:postgres", directory.toString()), log, 30);
    }
    Processes.run(Processes.asUser("postgres", List.of(initdb.toString(), "-D", data.toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8", "--no-sync")), log, 120);
    int port = FreePort.find();
    // fsync off and a socket in our own directory: a throw-away cluster must be fast and must not collide with
    // the system server's socket in /var/run/postgresql.
    String options = "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c full_page_writes=off -c synchronous_commit=off";
    Processes.run(Processes.asUser("postgres", List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(),
        "-o", options, "-l", directory.resolve("server.log").toString(), "-w", "-t", "60", "start")), log, 90);
    StoreUrl url = StoreUrl.parse("postgresql://postgres@127.0.0.1:" + port + "/postgres");
    Processes.awaitReady(() -> probe(url), null, 10_000, log);
    return new PgCtlServer(url, data, log);
  }

  private static void stopLeftover(Path directory) {
    Path data = directory.resolve("data");
    if (Files.exists(data.resolve("postmaster.pid"))) {
      new PgCtlServer(null, data, directory.resolve("postgres.log")).stop();
    }
  }

  /** A cluster run by pg_ctl; stopping it uses pg_ctl too, because the postmaster is not our child. */
  record PgCtlServer(StoreUrl url, Path data, Path log) implements PrivateServer {
    @Override
    public void stop() {
      try {
        Processes.run(Processes.asUser("postgres", List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(),
            "-m", "immediate", "-w", "stop")), log, 30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        System.err.println("cairn-testkit: interrupted while stopping PostgreSQL in " + data);
      } catch (IOException e) {
        System.err.println("cairn-testkit: could not stop PostgreSQL in " + data + ": " + e.getMessage());
      }
    }
  }
}
