package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * MariaDB: env {@code CAIRN_TEST_MARIADB_URL}, port 3306 as root without password, or a private server made with
 * {@code mariadb-install-db} and run by {@code mariadbd --user=root} with its own datadir, socket and port.
 */
public final class MariaDbType implements ServiceType {

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public String urlVariable() {
    return "CAIRN_TEST_MARIADB_URL";
  }

  @Override
  public StoreUrl standardLocalUrl() {
    return StoreUrl.parse("mariadb://root@127.0.0.1:3306/");
  }

  @Override
  public void probe(StoreUrl url) throws SQLException {
    Jdbc.probe(url);
  }

  @Override
  public PrivateServer start(Path directory) throws Exception {
    Path server = Path.of("/usr/sbin/mariadbd");
    if (!Files.isExecutable(server)) {
      throw new IOException(server + " is not installed");
    }
    Processes.stopLeftover(directory.resolve("mysqld.pid"), Set.of("mariadbd", "mysqld"));
    Processes.deleteTree(directory);
    Path data = directory.resolve("data");
    Files.createDirectories(data);
    Path log = directory.resolve("mariadb.log");
    Processes.run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
        "--auth-root-authentication-method=normal", "--skip-test-db"), log, 120);
    // root@localhost exists after install-db; TCP clients from 127.0.0.1 need their own account.
    Path init = directory.resolve("init.sql");
    Files.writeString(init, "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';\n"
        + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n", StandardCharsets.UTF_8);
    int port = FreePort.find();
    Process process = Processes.start(List.of(server.toString(), "--no-defaults", "--user=root",
        "--datadir=" + data, "--socket=" + directory.resolve("mysqld.sock"), "--port=" + port,
        "--bind-address=127.0.0.1", "--pid-file=" + directory.resolve("mysqld.pid"), "--init-file=" + init,
        "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--innodb-flush-log-at-trx-commit=0"), log);
    StoreUrl url = StoreUrl.parse("mariadb://root@127.0.0.1:" + port + "/");
    try {
      Processes.awaitReady(() -> probe(url), process, 30_000, log);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
    return new ChildProcessServer(url, process);
  }
}
