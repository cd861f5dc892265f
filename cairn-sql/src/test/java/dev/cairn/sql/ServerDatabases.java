package dev.cairn.sql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** Creates and drops private databases on the local PostgreSQL and MariaDB servers; skips when a port is closed. */
final class ServerDatabases {
  private ServerDatabases() {}

  static String freshName() {
    return "cairn_sqlimpl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  static void assumeListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
    } catch (IOException e) {
      String reason = "nothing listens on 127.0.0.1:" + port + " (" + e.getMessage() + ")";
      // CI demands every backend: there a missing server fails the class instead of skipping it.
      if ("1".equals(System.getenv("CAIRN_REQUIRE_SERVICES"))) {
        throw new AssertionError(reason + " and CAIRN_REQUIRE_SERVICES=1");
      }
      assumeTrue(false, reason);
    }
  }

  static void execute(String jdbcUrl, String user, String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("admin statement failed on " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }
}
