package dev.cairn.sql.conformance;

import dev.cairn.sql.Dialect;
import dev.cairn.sql.plugged.H2Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The suite on H2, a database Cairn does not ship: opened by {@code Database.open("h2:mem:...")} through the
 * {@link H2Backend} that {@code ServiceLoader} registers from the test class path. H2 speaks the MariaDB family
 * (mode MariaDB); the parts it cannot pass are switched off below, each with its reason.
 */
class H2ConformanceTest extends DatabaseConformance {
  private final String url = "h2:mem:conformance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Override
  protected String databaseUrl() {
    return url;
  }

  @Override
  public Dialect dialect() {
    return Dialect.MARIADB;
  }

  @Override
  public void executeRaw(String... sql) {
    try (Connection connection = DriverManager.getConnection(H2Backend.jdbcUrl(url));
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new AssertionError("raw SQL failed on H2: " + e.getMessage(), e);
    }
  }
}
