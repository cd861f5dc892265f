package dev.cairn.bench.faults.internal;

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

/** The fault suite's own PostgreSQL, started for real from the installed binaries. */
class PostgresServerTest {
  private static final Path DIR = Path.of(System.getenv().getOrDefault("CAIRN_BUILD_DIR", "target"), "pg-server-test");

  // A checkout under a folder only its owner may enter (a clone in /root, mode 0700): when we are root, PostgreSQL
  // runs as user postgres, which could not reach a data directory there.
  @Test
  void start_directoryOthersCannotEnter_answersStopsAndKeepsItsLog() throws Exception {
    Path locked = DIR.resolve("locked");
    Files.createDirectories(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    Path directory = locked.resolve("postgres");
    PostgresServer server = PostgresServer.start(directory);
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_user")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo("postgres");
    } finally {
      server.close();
    }
    assertThatThrownBy(server::connect).isInstanceOf(SQLException.class);
    assertThat(directory.resolve("server.log")).as("the server log, kept for a failed scenario").isNotEmptyFile();
  }
}
