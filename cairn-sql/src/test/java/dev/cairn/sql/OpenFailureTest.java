package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.testkit.MariaDbService;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenFailureTest {
  @RegisterExtension
  static final MariaDbService MARIADB = new MariaDbService();

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
    StoreUrl server = MARIADB.storeUrl();
    String wrongPassword = "mariadb://" + server.user() + ":wr0ng-pw@" + server.host() + "/" + server.path();

    assertThatThrownBy(() -> Database.open(DatabaseConfig.of(wrongPassword).withConnectTimeout(Duration.ofSeconds(2))))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(server.host().toString())
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
    assertThat(db.rows("anything").count(Filter.all()).status()).isEqualTo(dev.cairn.core.Status.UNAVAILABLE);
  }
}
