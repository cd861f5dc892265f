package dev.cairn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.FreePort;
import dev.cairn.testkit.internal.Jdbc;
import dev.cairn.testkit.internal.MariaDbType;
import dev.cairn.testkit.internal.PostgresType;
import dev.cairn.testkit.internal.RedisType;
import dev.cairn.testkit.internal.Resolution;
import dev.cairn.testkit.internal.RespClient;
import dev.cairn.testkit.internal.ServiceResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small fixture classes through the JUnit launcher, so the extensions are exercised exactly as a test class
 * uses them (surefire does not pick up the nested fixtures itself).
 */
class ServiceExtensionTest {
  private static final Path DIR = ServiceResolver.defaultServicesDirectory().resolveSibling("cairn-services-selftest");
  private static final String UNREACHABLE = "postgresql://postgres@127.0.0.1:" + FreePort.find() + "/postgres";

  @Test
  void beforeAll_envUrlUnreachableWithRequireServices_failsClass() {
    TestExecutionSummary summary = run(UnreachableRequired.class);

    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
        .hasMessageContaining("CAIRN_TEST_POSTGRES_URL").hasMessageContaining("unusable"));
  }

  @Test
  void beforeAll_envUrlUnreachableWithoutRequireServices_stillFailsClass() {
    TestExecutionSummary summary = run(UnreachableNotRequired.class);

    assertThat(summary.getContainersAbortedCount()).isZero();
    assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
        .hasMessageContaining("CAIRN_TEST_POSTGRES_URL"));
  }

  @Test
  void beforeAll_serviceAbsent_skipsClassWithReason() {
    TestExecutionSummary summary = run(AbsentNotRequired.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getContainersAbortedCount()).isEqualTo(1);
    assertThat(summary.getTestsStartedCount()).isZero();
  }

  @Test
  void beforeAll_serviceAbsentWithRequireServices_failsClassWithReason() {
    TestExecutionSummary summary = run(AbsentRequired.class);

    assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
        .hasMessageContaining("no postgres server: tried everything")
        .hasMessageContaining("CAIRN_REQUIRE_SERVICES=1"));
  }

  @Test
  void postgres_classDatabase_createdBeforeAndDroppedAfter() throws SQLException {
    ServiceGate.require(ServiceResolver.shared(new PostgresType()), Environment.system());
    PostgresFixture.databaseName = null;
    TestExecutionSummary summary = run(PostgresFixture.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(PostgresFixture.databaseName).startsWith("cairn_t_postgresfixture_");
    StoreUrl admin = PostgresType.adminUrl(PostgresFixture.adminUrl);
    assertThat(count(admin, "SELECT count(*) FROM pg_database WHERE datname = ?", PostgresFixture.databaseName))
        .isZero();
  }

  @Test
  void mariadb_classDatabase_createdBeforeAndDroppedAfter() throws SQLException {
    ServiceGate.require(ServiceResolver.shared(new MariaDbType()), Environment.system());
    MariaDbFixture.databaseName = null;
    TestExecutionSummary summary = run(MariaDbFixture.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(MariaDbFixture.databaseName).startsWith("cairn_t_mariadbfixture_");
    assertThat(count(MariaDbFixture.adminUrl,
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", MariaDbFixture.databaseName))
        .isZero();
  }

  @Test
  void redis_classPrefix_keysDeletedAfterOthersKept() throws IOException {
    ServiceGate.require(ServiceResolver.shared(new RedisType()), Environment.system());
    RedisFixture.prefix = null;
    TestExecutionSummary summary = run(RedisFixture.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    try (RespClient client = RedisType.open(RedisFixture.url)) {
      assertThat(client.call("EXISTS", RedisFixture.prefix + "a", RedisFixture.prefix + "b:c")).isEqualTo(0L);
      assertThat(client.call("GET", RedisFixture.outsider)).isEqualTo("kept");
      client.call("DEL", RedisFixture.outsider);
    }
  }

  private static long count(StoreUrl url, String sql, String parameter) throws SQLException {
    try (Connection connection = Jdbc.connect(url); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
        .configurationParameter(OnlyWhenLaunched.PARAMETER, "true").build(), listener);
    return listener.getSummary();
  }

  private static PostgresService explicitPostgres(Map<String, String> variables) {
    Environment environment = new Environment(variables);
    return new PostgresService(() -> new ServiceResolver(environment, DIR).resolve(new PostgresType()), environment);
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class UnreachableRequired {
    @RegisterExtension
    static final PostgresService POSTGRES = explicitPostgres(
        Map.of("CAIRN_TEST_POSTGRES_URL", UNREACHABLE, "CAIRN_REQUIRE_SERVICES", "1"));

    @Test
    void never() {
      throw new AssertionError("must not run: " + POSTGRES.url());
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class UnreachableNotRequired {
    @RegisterExtension
    static final PostgresService POSTGRES = explicitPostgres(Map.of("CAIRN_TEST_POSTGRES_URL", UNREACHABLE));

    @Test
    void never() {
      throw new AssertionError("must not run: " + POSTGRES.url());
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class AbsentNotRequired {
    @RegisterExtension
    static final PostgresService POSTGRES = new PostgresService(
        () -> new Resolution.Absent("no postgres server: tried everything"), new Environment(Map.of()));

    @Test
    void never() {
      throw new AssertionError("must not run: " + POSTGRES.url());
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class AbsentRequired {
    @RegisterExtension
    static final PostgresService POSTGRES = new PostgresService(
        () -> new Resolution.Absent("no postgres server: tried everything"),
        new Environment(Map.of("CAIRN_REQUIRE_SERVICES", "1")));

    @Test
    void never() {
      throw new AssertionError("must not run: " + POSTGRES.url());
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class PostgresFixture {
    @RegisterExtension
    static final PostgresService POSTGRES = new PostgresService();
    static volatile String databaseName;
    static volatile StoreUrl adminUrl;

    @Test
    void url_isOwnEmptyDatabase() throws SQLException {
      StoreUrl url = StoreUrl.parse(POSTGRES.url());
      databaseName = url.path();
      adminUrl = url.withPath("postgres");
      assertThat(url.path()).isEqualTo(POSTGRES.databaseName());
      Jdbc.execute(url, "CREATE TABLE t (id int)");
      assertThat(count(url, "SELECT count(*) FROM pg_database WHERE datname = ?", databaseName)).isOne();
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class MariaDbFixture {
    @RegisterExtension
    static final MariaDbService MARIADB = new MariaDbService();
    static volatile String databaseName;
    static volatile StoreUrl adminUrl;

    @Test
    void url_isOwnDatabase() throws SQLException {
      StoreUrl url = StoreUrl.parse(MARIADB.url());
      databaseName = url.path();
      adminUrl = url.withPath("");
      Jdbc.execute(url, "CREATE TABLE t (id int)");
      assertThat(count(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?", databaseName))
          .isOne();
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class RedisFixture {
    @RegisterExtension
    static final RedisService REDIS = new RedisService();
    static volatile String prefix;
    static volatile String outsider;
    static volatile StoreUrl url;

    @Test
    void keyPrefix_isUniqueAndUsable() throws IOException {
      prefix = REDIS.keyPrefix();
      url = StoreUrl.parse(REDIS.url());
      outsider = "cairn:t:outsider:" + System.nanoTime();
      assertThat(prefix).startsWith("cairn:t:redisfixture:").endsWith(":");
      try (RespClient client = RedisType.open(url)) {
        client.call("SET", prefix + "a", "1");
        client.call("SET", prefix + "b:c", "2");
        client.call("SET", outsider, "kept");
      }
    }
  }
}
