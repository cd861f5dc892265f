package dev.cairn.sql.conformance;

import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;
import dev.cairn.testkit.TestSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The cairn-sql conformance suite: every operation of the {@code dev.cairn.sql} API against a real database,
 * written once. A backend passes by extending this class and naming its database; a server backend also binds
 * {@link ServerConformance}:
 *
 * <pre>{@code
 * class PostgresConformanceTest extends DatabaseConformance implements ServerConformance {
 *   @RegisterExtension static final PostgresService postgres = new PostgresService();
 *   @Override protected String databaseUrl() { return postgres.url(); }
 * }
 * }</pre>
 *
 * <p>The suite ships in cairn-sql's test jar ({@code <type>test-jar</type>}), the service extensions in
 * cairn-testkit. The tests live in small interfaces by topic ({@link TableConformance}, {@link QueryConformance},
 * ...), each written against {@link ConformanceContext}; this class opens the database once per class and drops
 * the model tables before every test, so tests never see each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseConformance implements ConformanceContext, TableConformance, QueryConformance,
    MappingConformance, RowsConformance, SchemaConformance, TransactionConformance, HostileInputConformance,
    HealthConformance, NamingConformance, ExecuteConformance, OutcomeConformance, WideRecordTableConformance,
    WideRecordSessionConformance, RawQueryConformance, JsonConformance,
    WholeTableConformance, ViewConformance, PoolConformance {

  /** Dropped before each test, children first (none has foreign keys today). */
  private static final List<Class<? extends Record>> MODEL_TYPES = List.of(
      ConformanceModels.User.class, ConformanceModels.Tag.class, ConformanceModels.Product.class,
      ConformanceModels.TypedValues.class, ConformanceModels.Counter.class, ConformanceModels.Person.class,
      ConformanceModels.Doc.class);

  private Database db;
  private DatabaseConfig config;
  private String url;

  /** The URL of an empty database owned by this test class. Called once, before any test. */
  protected abstract String databaseUrl();

  @BeforeAll
  void openDatabase() {
    url = databaseUrl();
    config = DatabaseConfig.of(url);
    db = Database.open(config);
  }

  @AfterAll
  void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void dropModelTables() {
    for (Class<? extends Record> model : MODEL_TYPES) {
      Expect.ok(db.table(model).drop());
    }
  }

  @Override
  public Database db() {
    return db;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public DatabaseConfig config() {
    return config;
  }

  @Override
  public Dialect dialect() {
    return switch (config.url().kind()) {
      case SQLITE -> Dialect.SQLITE;
      case POSTGRESQL -> Dialect.POSTGRESQL;
      case MARIADB -> Dialect.MARIADB;
      case MYSQL -> Dialect.MYSQL;
      default -> throw new IllegalStateException("not a SQL URL: " + config.url());
    };
  }

  @Override
  public void executeRaw(String... sql) {
    StoreUrl url = config.url();
    if (url.isSqliteMemory()) {
      // sqlite::memory: is private to its Database: no second connection reaches it, so go through Cairn's own
      // escape hatch for trusted SQL instead.
      for (String each : sql) {
        Expect.ok(db.execute(each));
      }
      return;
    }
    try (Connection connection = url.kind() == StoreUrl.Kind.SQLITE
            ? DriverManager.getConnection("jdbc:sqlite:" + url.path()) : TestSupport.connect(url);
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new AssertionError("raw SQL failed on " + url + ": " + e.getMessage(), e);
    }
  }
}
