package dev.cairn.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Starts each server for real from the installed binaries, as a CI machine without running services would. */
class PrivateServerTest {
  private static final Path DIR = ServiceResolver.defaultServicesDirectory()
      .resolveSibling("cairn-services-selftest");

  @Test
  void start_redis_answersOnFreePortAndStops() throws Exception {
    PrivateServer server = new RedisType().start(DIR.resolve("redis"));
    int port = server.url().host().port();
    try (RespClient client = RedisType.open(server.url())) {
      assertThat(client.call("SET", "k", "v")).isEqualTo("OK");
      assertThat(client.call("GET", "k")).isEqualTo("v");
    } finally {
      server.stop();
    }
    assertThat(port).isNotEqualTo(6379);
    assertThat(FreePort.isListening(port, 500)).isFalse();
    assertThat(Files.list(DIR.resolve("redis")).map(path -> path.getFileName().toString()))
        .as("persistence is off").doesNotContain("dump.rdb", "appendonlydir");
  }

  @Test
  void start_redisLeftOverByCrashedRun_leftoverStopped() throws Exception {
    Path directory = DIR.resolve("redis-leftover");
    PrivateServer crashed = new RedisType().start(directory);
    int crashedPort = crashed.url().host().port();
    PrivateServer fresh = null;
    try {
      fresh = new RedisType().start(directory);

      assertThat(FreePort.isListening(crashedPort, 500)).as("leftover server on %s", crashedPort).isFalse();
      assertThat(FreePort.isListening(fresh.url().host().port(), 500)).isTrue();
    } finally {
      crashed.stop();
      if (fresh != null) {
        fresh.stop();
      }
    }
  }

  @Test
  void start_postgres_answersOnFreePortAndStops() throws Exception {
    PrivateServer server = new PostgresType().start(DIR.resolve("postgres"));
    int port = server.url().host().port();
    try {
      assertThat(port).isNotEqualTo(5432);
      assertThat(queryOne(server, "SELECT current_user")).isEqualTo("postgres");
    } finally {
      server.stop();
    }
    assertThatThrownBy(() -> Jdbc.probe(server.url())).isInstanceOf(SQLException.class);
    assertThat(PostgresType.home(DIR.resolve("postgres"))).as("the cluster's files are deleted").doesNotExist();
  }

  // A checkout under a folder only its owner may enter (a clone in /root, mode 0700): when we are root, PostgreSQL
  // runs as user postgres, which could not reach a data directory there.
  @Test
  void start_postgres_directoryOthersCannotEnter_answersAndStops() throws Exception {
    Path locked = DIR.resolve("locked");
    Files.createDirectories(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    PrivateServer server = new PostgresType().start(locked.resolve("postgres"));
    try {
      assertThat(queryOne(server, "SELECT current_user")).isEqualTo("postgres");
    } finally {
      server.stop();
    }
    assertThatThrownBy(() -> Jdbc.probe(server.url())).isInstanceOf(SQLException.class);
  }

  @Test
  void start_mariadb_answersOnFreePortAndStops() throws Exception {
    PrivateServer server = new MariaDbType().start(DIR.resolve("mariadb"));
    int port = server.url().host().port();
    try {
      assertThat(port).isNotEqualTo(3306);
      assertThat(queryOne(server, "SELECT CURRENT_USER()")).startsWith("root@");
    } finally {
      server.stop();
    }
    assertThatThrownBy(() -> Jdbc.probe(server.url())).isInstanceOf(SQLException.class);
  }

  private static String queryOne(PrivateServer server, String sql) throws SQLException {
    try (Connection connection = Jdbc.connect(server.url());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }
}
