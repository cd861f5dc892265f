package dev.cairn.testkit;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.Resolution;
import dev.cairn.testkit.internal.UrlText;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared lifecycle of {@link PostgresService} and {@link MariaDbService}: resolve the server, create a
 * database for the test class before it, drop it after it. Nested test classes share their outer class's
 * database. Not thread-safe across test classes running in parallel: register one instance per class.
 */
abstract sealed class DatabaseService implements BeforeAllCallback, AfterAllCallback
    permits PostgresService, MariaDbService {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<Resolution> resolution;
  private final Environment environment;
  private Resolution.Available server;
  private StoreUrl database;
  private int depth;

  DatabaseService(Supplier<Resolution> resolution, Environment environment) {
    this.resolution = resolution;
    this.environment = environment;
  }

  abstract void createDatabase(StoreUrl adminUrl, String name) throws SQLException;

  abstract void dropDatabase(StoreUrl adminUrl, String name) throws SQLException;

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    if (depth++ > 0) {
      return;
    }
    // JUnit still calls afterAll when this throws; depth then returns to 0 with no database to drop.
    Resolution.Available available = ServiceGate.require(resolution.get(), environment);
    // Random suffix: two JVMs (or a crashed earlier run) must never share a database.
    String name = "cairn_t_" + ServiceGate.identifierPart(context.getRequiredTestClass(), 30) + "_"
        + HexFormat.of().toHexDigits(RANDOM.nextInt());
    createDatabase(available.adminUrl(), name);
    server = available;
    database = available.adminUrl().withPath(name);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (--depth > 0 || database == null) {
      return;
    }
    String name = database.path();
    database = null;
    dropDatabase(server.adminUrl(), name);
  }

  /**
   * The URL of this test class's database, password included (do not log it; {@link #storeUrl()} prints
   * masked), e.g. {@code postgresql://postgres@127.0.0.1:5432/cairn_t_userstest_1a2b3c4d}.
   *
   * @throws IllegalStateException outside the test class's lifecycle (before {@code beforeAll})
   */
  public String url() {
    return UrlText.unmasked(storeUrl());
  }

  /** The parsed {@link #url()}; its {@code toString()} masks the password. Same failure as {@link #url()}. */
  public StoreUrl storeUrl() {
    if (database == null) {
      throw new IllegalStateException(getClass().getSimpleName()
          + " has no database outside its test class; register it with @RegisterExtension on a static field");
    }
    return database;
  }

  /** The name of this test class's database. Same failure as {@link #url()}. */
  public String databaseName() {
    return storeUrl().path();
  }

  /** How the server was found, e.g. {@code "local port 5432"}. Same failure as {@link #url()}. */
  public String origin() {
    storeUrl();
    return server.origin();
  }
}
