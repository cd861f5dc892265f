package dev.cairn.sql.plugged;

import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.JdbcBackend;

/**
 * A backend Cairn does not ship, as a jar would add it: H2 through its JDBC driver, found by {@code ServiceLoader}
 * from this module's test {@code META-INF/services/dev.cairn.sql.DatabaseBackend}. URLs are H2's own without
 * {@code jdbc:} ({@code h2:mem:test}); H2 runs in MariaDB mode with lower-case names, and Cairn treats it as the
 * MariaDB family (keys through getGeneratedKeys, no UPDATE ... RETURNING, bounded VARCHAR for indexed text),
 * rendering queries with jOOQ's H2 dialect. Its errors are read by their standard SQLStates.
 */
public final class H2Backend extends JdbcBackend {
  /** What every connection needs: MariaDB compatibility, unquoted names folded to lower case. */
  static final String SETTINGS = ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE";

  public H2Backend() {
    super("h2", Dialect.MARIADB, "H2");
  }

  @Override
  protected String jdbcUrl(DatabaseConfig config) {
    return jdbcUrl(config.url().path());
  }

  /** The JDBC URL of an {@code h2:...} URL text, with the settings Cairn's engine needs. */
  public static String jdbcUrl(String url) {
    String text = url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url;
    return "jdbc:" + text + SETTINGS;
  }
}
