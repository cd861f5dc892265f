package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.conformance.Expect;
import dev.cairn.testkit.TestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings by environment variable, with the Modular framework's names: each one is read back from the open
 * database (a PRAGMA, the busy timeout) or from the configuration the database runs with.
 */
class EnvironmentSettingsTest {

  private static Path file(String name) {
    return TestSupport.buildDirectory("env-settings").resolve(name + "-" + System.nanoTime() + ".db");
  }

  @Test
  void sqlitePragmasAndTimeouts_fromModularNames_takeEffectOnEveryConnection() {
    Map<String, String> environment = Map.of(
        "DATABASE_URL", "sqlite:" + file("modular"),
        "SQLITE_JOURNAL_MODE", "DELETE",
        "SQLITE_SYNCHRONOUS", "FULL",
        "SQLITE_CACHE_SIZE", "-4000",
        "SQLITE_MMAP_SIZE", "0",
        "DATABASE_MAX_RETRIES", "2",
        "DATABASE_CONNECTION_TIMEOUT", "7",
        "DATABASE_POOL_SIZE", "3");

    try (Database db = Database.open(DatabaseConfig.fromEnvironment(environment))) {
      assertThat(Expect.ok(db.queryOne("PRAGMA journal_mode")).getString("journal_mode")).isEqualToIgnoringCase(
          "delete");
      assertThat(Expect.ok(db.queryOne("PRAGMA synchronous")).getLong("synchronous")).isEqualTo(2L);
      assertThat(Expect.ok(db.queryOne("PRAGMA cache_size")).getLong("cache_size")).isEqualTo(-4000L);
      assertThat(Expect.ok(db.queryOne("PRAGMA mmap_size")).getLong("mmap_size")).isZero();
      assertThat(Expect.ok(db.queryOne("PRAGMA busy_timeout")).getLong("timeout")).isEqualTo(7000L);
      // The writer sees the same settings as the readers.
      Long writerSynchronous = Expect.ok(db.transaction(tx -> tx.queryOne("PRAGMA synchronous")))
          .getLong("synchronous");
      assertThat(writerSynchronous).isEqualTo(2L);
      assertThat(db.config().retry().maxAttempts()).isEqualTo(3);
      assertThat(db.config().connectTimeout()).isEqualTo(Duration.ofSeconds(7));
      assertThat(db.config().poolSize()).isEqualTo(3);
    }
  }

  @Test
  void defaults_withoutTheVariables_areCairnsOwn() {
    try (Database db = Database.open(DatabaseConfig.fromEnvironment(Map.of(
        "CAIRN_DATABASE_URL", "sqlite:" + file("defaults"), "DATABASE_URL", "sqlite:/nonexistent/ignored.db")))) {
      assertThat(Expect.ok(db.queryOne("PRAGMA journal_mode")).getString("journal_mode")).isEqualToIgnoringCase(
          "wal");
      assertThat(Expect.ok(db.queryOne("PRAGMA synchronous")).getLong("synchronous")).isEqualTo(1L);
      assertThat(Expect.ok(db.queryOne("PRAGMA cache_size")).getLong("cache_size")).isEqualTo(-16384L);
      assertThat(Expect.ok(db.queryOne("PRAGMA mmap_size")).getLong("mmap_size")).isEqualTo(1_073_741_824L);
      assertThat(db.config().retry()).isEqualTo(RetryPolicy.DEFAULT);
    }
  }

  @Test
  void badValues_areInvalidOptionNamingTheSetting() {
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "sqlite:x.db",
        "SQLITE_SYNCHRONOUS", "sometimes"))).isInstanceOf(InvalidInputException.class).hasMessageContaining(
        "SQLITE_SYNCHRONOUS");
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "sqlite:x.db",
        "DATABASE_MAX_RETRIES", "-1"))).isInstanceOf(InvalidInputException.class).hasMessageContaining(
        "DATABASE_MAX_RETRIES");
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "sqlite:x.db",
        "DATABASE_CONNECTION_TIMEOUT", "soon"))).isInstanceOf(InvalidInputException.class).hasMessageContaining(
        "DATABASE_CONNECTION_TIMEOUT");
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("DATABASE_URL");
    assertThatThrownBy(() -> DatabaseConfig.of("sqlite:x.db?cache_size=lots"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cache_size");
    // the same words on the URL path as on the environment's: not the pattern the value is checked with
    assertThatThrownBy(() -> DatabaseConfig.of("sqlite:x.db?mmap_size=-1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("SQLite option mmap_size must be a whole number of bytes >= 0, up to 12 digits");
    assertThatThrownBy(() -> DatabaseConfig.of("sqlite:x.db?journal_mode=fast"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("SQLite option journal_mode must be one of DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF");
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "sqlite:x.db",
        "CAIRN_SQLITE_MMAP_SIZE", "lots"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("CAIRN_SQLITE_MMAP_SIZE must be a whole number of bytes >= 0, up to 12 digits");
  }

  // The pool variables (CAIRN_DATABASE_POOL_SIZE winning over DATABASE_POOL_SIZE, ...) are read back from the running
  // pools on every dialect in dev.cairn.sql.conformance.PoolConformance.
  @Test
  void pragmas_fromCairnNames_winOverTheGenericOnes_andTakeEffect() {
    Map<String, String> environment = new java.util.HashMap<>();
    environment.put("DATABASE_URL", "sqlite:" + file("pragmas"));
    environment.put("SQLITE_SYNCHRONOUS", "FULL");
    environment.put("CAIRN_SQLITE_SYNCHRONOUS", "OFF");
    environment.put("CAIRN_SQLITE_CACHE_SIZE", "-2000");

    try (Database db = Database.open(DatabaseConfig.fromEnvironment(environment))) {
      assertThat(Expect.ok(db.queryOne("PRAGMA synchronous")).getLong("synchronous")).isZero();
      assertThat(Expect.ok(db.queryOne("PRAGMA cache_size")).getLong("cache_size")).isEqualTo(-2000L);
    }
  }

  @Test
  void maxRetries_fromTheEnvironment_isHowOftenALockedWriteIsTried() throws Exception {
    Path path = file("retries");
    Map<String, String> environment = Map.of(
        "DATABASE_URL", "sqlite:" + path,
        "DATABASE_MAX_RETRIES", "2",
        "DATABASE_CONNECTION_TIMEOUT", "50ms");
    try (Database db = Database.open(DatabaseConfig.fromEnvironment(environment)
        .withOperationTimeout(Duration.ofSeconds(60)))) {
      Expect.ok(db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"));
      try (java.sql.Connection locker = java.sql.DriverManager.getConnection("jdbc:sqlite:" + path);
          java.sql.Statement statement = locker.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        var refused = Expect.failure(db.rows("notes").insert(Map.of("id", 1, "body", "x")),
            dev.cairn.core.Status.CONFLICT, "RETRIES_EXHAUSTED");
        assertThat(refused.message()).startsWith("gave up after 3 attempts");
        statement.execute("ROLLBACK");
      }
      assertThat(Expect.ok(db.rows("notes").count(Filter.all()))).isZero();
    }
  }

  @Test
  void badSqliteAndRetryValues_areOneLineInvalidOptionNamingTheVariable() {
    // The pool variables' bad values are refused on every dialect in PoolConformance.
    Map<String, String> bad = Map.of(
        "SQLITE_JOURNAL_MODE", "sideways",
        "CAIRN_SQLITE_CACHE_SIZE", "big",
        "CAIRN_DATABASE_MAX_RETRIES", "x");
    bad.forEach((variable, value) -> {
      InvalidInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
          InvalidInputException.class, () -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", "sqlite:x.db",
              variable, value)));
      assertThat(refused).as(variable).isNotNull();
      assertThat(refused.code()).isEqualTo("INVALID_OPTION");
      assertThat(refused.getMessage()).as(variable).startsWith(variable).doesNotContain("\n");
      assertThat(refused.details()).containsEntry("option", variable);
    });
  }

  @Test
  void urlOptions_setThePoolSettings_andAreTakenOutOfTheUrl() {
    DatabaseConfig config = DatabaseConfig.of("postgresql://app@db.example/app?poolSize=4&maxOverflow=6"
        + "&poolTimeout=1500ms&recycle=2m&prePing=true&echo=yes&sslmode=require");

    assertThat(config.poolSize()).isEqualTo(4);
    assertThat(config.pool()).isEqualTo(new PoolSettings(6, Duration.ofMillis(1500), Duration.ofMinutes(2), true,
        true));
    assertThat(config.url().params()).containsOnlyKeys("sslmode");
  }
}
