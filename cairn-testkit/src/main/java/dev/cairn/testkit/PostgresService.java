package dev.cairn.testkit;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.Jdbc;
import dev.cairn.testkit.internal.PostgresType;
import dev.cairn.testkit.internal.Resolution;
import dev.cairn.testkit.internal.ServiceResolver;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A real PostgreSQL for a test class, with a database of its own:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresService postgres = new PostgresService();
 *
 * @Test void insert_works() {
 *   try (Database db = Database.open(postgres.url())) { ... }
 * }
 * }</pre>
 *
 * <p>The server is found once per JVM: the URL in {@code CAIRN_TEST_POSTGRES_URL} (which must work if set: a
 * broken one fails the class, it never falls back); else a server on 127.0.0.1:5432 as user postgres; else a
 * private cluster started with the installed {@code initdb}/{@code pg_ctl} on a free port (its log of commands in
 * {@code target/cairn-services/postgres}, its files in /tmp, where user postgres can reach them
 * whatever the checkout's permissions) and stopped and deleted when the JVM exits; else the class is skipped with the reason, or fails when
 * {@code CAIRN_REQUIRE_SERVICES=1}. Before the class a database {@code cairn_t_<class>_<random>} is created; after
 * it the database is dropped, even if connections are still open.
 *
 * <p>Register it on a static field ({@code beforeAll}/{@code afterAll}); one instance per test class.
 */
public final class PostgresService extends DatabaseService {
  private static final PostgresType TYPE = new PostgresType();

  /** Resolves the server from the process environment, once per JVM. */
  public PostgresService() {
    this(() -> ServiceResolver.shared(TYPE), Environment.system());
  }

  PostgresService(Supplier<Resolution> resolution, Environment environment) {
    super(resolution, environment);
  }

  @Override
  void createDatabase(StoreUrl adminUrl, String name) throws SQLException {
    Jdbc.execute(PostgresType.adminUrl(adminUrl),
        "CREATE DATABASE \"" + name + "\" ENCODING 'UTF8' TEMPLATE template0");
  }

  @Override
  void dropDatabase(StoreUrl adminUrl, String name) throws SQLException {
    // FORCE (PostgreSQL 13+) ends sessions a test left open, so an unclosed pool cannot leak the database.
    Jdbc.execute(PostgresType.adminUrl(adminUrl), "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
  }
}
