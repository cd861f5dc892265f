package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.UnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenFailureTest {
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void open_serverDown_isUnavailableNamingHostWithoutPassword() throws IOException {
    int port = closedPort();
    for (String scheme : new String[] {"postgresql", "mariadb"}) {
      DatabaseConfig config = DatabaseConfig.of(scheme + "://app:s3cret-pw@127.0.0.1:" + port + "/db")
          .withConnectTimeout(Duration.ofMillis(500));
      assertThatThrownBy(() -> Database.open(config))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageNotContaining("s3cret-pw")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void open_wrongMariaDbPassword_isUnavailableWithoutPassword() {
    ServerDatabases.assumeListening(3306);
    assertThatThrownBy(() -> Database.open(DatabaseConfig.of("mariadb://root:wr0ng-pw@127.0.0.1:3306/test")
        .withConnectTimeout(Duration.ofSeconds(2))))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("127.0.0.1:3306")
        .hasMessageNotContaining("wr0ng-pw");
  }

  @Test
  void open_notSqlUrl_isInvalid() {
    assertThatThrownBy(() -> Database.open("redis://localhost:6379")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void close_thenHealth_isDownAndCallsFail() {
    Database db = Database.open("sqlite::memory:");
    db.close();
    db.close();
    assertThat(db.health().up()).isFalse();
    assertThat(db.rows("anything").count(Filter.none()).status()).isEqualTo(dev.cairn.core.Status.UNAVAILABLE);
  }
}
