package dev.cairn.testkit;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.internal.FreePort;
import dev.cairn.testkit.internal.Jdbc;
import dev.cairn.testkit.internal.Processes;
import dev.cairn.testkit.internal.ServiceResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The small helpers that other modules' suites need beside the services: a free loopback port, a scratch folder in
 * the build directory, a plain JDBC connection that bypasses Cairn. The only door into the testkit's internals, so
 * those can change without touching any suite.
 */
public final class TestSupport {
  private TestSupport() {}

  /** A loopback port nothing listens on right now (for "server down" tests and private servers). */
  public static int freePort() {
    return FreePort.find();
  }

  /**
   * A folder of this name in the module's build directory ({@code $CAIRN_BUILD_DIR}, else {@code target}), beside
   * the private servers' data; not created.
   */
  public static Path buildDirectory(String name) {
    return ServiceResolver.defaultServicesDirectory().resolveSibling(name);
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteTree(Path directory) throws IOException {
    Processes.deleteTree(directory);
  }

  /**
   * A raw JDBC connection to a PostgreSQL or MariaDB URL, outside Cairn: for setting up what "someone else's tool"
   * made, and for checking what Cairn really stored.
   */
  public static Connection connect(StoreUrl url) throws SQLException {
    return Jdbc.connect(url);
  }
}
