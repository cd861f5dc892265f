package dev.cairn.testkit;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.Jdbc;
import dev.cairn.testkit.internal.MariaDbType;
import dev.cairn.testkit.internal.Resolution;
import dev.cairn.testkit.internal.ServiceResolver;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A real MariaDB (or MySQL) for a test class, with a database of its own:
 *
 * <pre>{@code
 * @RegisterExtension static final MariaDbService mariadb = new MariaDbService();
 * ... Database.open(mariadb.url()) ...   // mariadb://root@127.0.0.1:3306/cairn_t_<class>_<random>
 * }</pre>
 *
 * <p>The server is found once per JVM: the URL in {@code CAIRN_TEST_MARIADB_URL} (which must work if set); else a
 * server on 127.0.0.1:3306 as root without password; else a private server from the installed
 * {@code mariadb-install-db}/{@code mariadbd} in {@code target/cairn-services/mariadb} on a free port, stopped
 * when the JVM exits; else the class is skipped with the reason, or fails when {@code CAIRN_REQUIRE_SERVICES=1}.
 * The database ({@code utf8mb4}) is created before the class and dropped after it.
 *
 * <p>Register it on a static field; one instance per test class.
 */
public final class MariaDbService extends DatabaseService {
  private static final MariaDbType TYPE = new MariaDbType();

  /** Resolves the server from the process environment, once per JVM. */
  public MariaDbService() {
    this(() -> ServiceResolver.shared(TYPE), Environment.system());
  }

  MariaDbService(Supplier<Resolution> resolution, Environment environment) {
    super(resolution, environment);
  }

  @Override
  void createDatabase(StoreUrl adminUrl, String name) throws SQLException {
    Jdbc.execute(adminUrl, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
  }

  @Override
  void dropDatabase(StoreUrl adminUrl, String name) throws SQLException {
    Jdbc.execute(adminUrl, "DROP DATABASE IF EXISTS `" + name + "`");
  }
}
