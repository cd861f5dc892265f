package dev.cairn.sql;

import java.util.Objects;
import java.util.Set;

/**
 * A {@link DatabaseBackend} for a database reached through a JDBC driver whose SQL, types and errors follow one of
 * Cairn's {@linkplain Dialect dialects} closely enough: Cairn opens a HikariCP pool with the {@link DatabaseConfig}'s
 * pool settings and runs its whole engine (tables, dynamic rows, raw queries, transactions, retries) on it, rendering
 * queries with the jOOQ dialect named here. What the database does differently from its family shows up as
 * failures, so a backend author runs {@code DatabaseConformance} to see which parts hold.
 *
 * <pre>{@code
 * public final class H2Backend extends JdbcBackend {
 *   public H2Backend() { super("h2", Dialect.MARIADB, "H2"); }
 *   @Override protected String jdbcUrl(DatabaseConfig config) { return "jdbc:" + config.url().path(); }
 * }
 * }</pre>
 */
public abstract class JdbcBackend implements DatabaseBackend {
  private final String name;
  private final Dialect family;
  private final String rendering;

  /**
   * @param name the URL scheme served
   * @param family the built-in dialect whose SQL, key generation and error codes the database follows
   * @param rendering the name of the jOOQ {@code SQLDialect} queries are rendered for ({@code "H2"})
   */
  protected JdbcBackend(String name, Dialect family, String rendering) {
    this.name = Objects.requireNonNull(name, "name");
    this.family = Objects.requireNonNull(family, "family");
    this.rendering = Objects.requireNonNull(rendering, "rendering");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public Set<String> aliases() {
    return Set.of();
  }

  /** The dialect family given to the constructor. */
  public final Dialect family() {
    return family;
  }

  /** The jOOQ dialect name given to the constructor. */
  public final String rendering() {
    return rendering;
  }

  /**
   * The JDBC URL of the database {@code config.url()} names; for a plugged scheme {@code config.url().path()} is
   * the whole URL text.
   */
  protected abstract String jdbcUrl(DatabaseConfig config);

  /** The user to connect as, or {@code null} when the JDBC URL says it. */
  protected String user(DatabaseConfig config) {
    return null;
  }

  /** The password, or {@code null}; never logged or shown. */
  protected String password(DatabaseConfig config) {
    return null;
  }

  /** SQL each new connection runs once (session settings), or {@code null}. */
  protected String connectionInitSql(DatabaseConfig config) {
    return null;
  }

  @Override
  public final Database open(DatabaseConfig config) {
    return dev.cairn.sql.internal.DatabaseOpener.openJdbc(config, this, jdbcUrl(config), user(config),
        password(config), connectionInitSql(config));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + ", " + family + "]";
  }
}
