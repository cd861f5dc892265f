package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad settings fail as every Cairn configuration fails: InvalidInputException with a code, nothing opened. */
class DatabaseConfigTest {
  private static final DatabaseConfig VALID = DatabaseConfig.of("sqlite::memory:");

  @Test
  void of_noOptions_defaultTimeouts() {
    DatabaseConfig config = DatabaseConfig.of("sqlite::memory:");

    assertThat(config.operationTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void of_timeoutOptions_setAndTakenOutOfTheUrl() {
    DatabaseConfig config = DatabaseConfig.of(
        "postgresql://app:pw@db.example:5432/app?operationTimeout=500ms&sslmode=require&queryTimeout=PT1M");

    assertThat(config.operationTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.queryTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.url().params()).isEqualTo(Map.of("sslmode", "require"));
    assertThat(config.url().password()).isEqualTo("pw");
  }

  @Test
  void of_sqliteFileWithOption_pathUnchanged() {
    DatabaseConfig config = DatabaseConfig.of("sqlite:data/app.db?operationTimeout=2m");

    assertThat(config.operationTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.url().path()).isEqualTo("data/app.db");
    assertThat(config.url().params()).isEmpty();
  }

  @Test
  void of_badTimeoutOption_invalidNamingTheOption() {
    for (String value : new String[] {"0s", "soon", "-PT1S", "5h"}) {
      assertThatThrownBy(() -> DatabaseConfig.of("sqlite::memory:?queryTimeout=" + value))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
          .hasMessageContaining("queryTimeout");
    }
  }

  @Test
  void ofAndConstructor_keyValueUrl_sameNotADatabaseUrl() {
    Throwable viaOf = catchThrowable(() -> DatabaseConfig.of("redis://localhost:6379"));
    Throwable viaConstructor = catchThrowable(() -> new DatabaseConfig(StoreUrl.parse("redis://localhost:6379"), 10,
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), RetryPolicy.DEFAULT, 1000,
        Clock.systemUTC(), PoolSettings.DEFAULT));

    assertInvalid(viaOf, "NOT_A_DATABASE_URL");
    assertInvalid(viaConstructor, "NOT_A_DATABASE_URL");
    assertThat(viaConstructor).hasMessage(viaOf.getMessage());
  }

  @Test
  void withPoolSize_zero_invalidOption() {
    assertInvalid(() -> VALID.withPoolSize(0), "INVALID_OPTION", "poolSize");
  }

  @Test
  void withMaxPageSize_zero_invalidOption() {
    assertInvalid(() -> VALID.withMaxPageSize(0), "INVALID_OPTION", "maxPageSize");
  }

  @Test
  void withConnectTimeout_zeroOrNegative_invalidOption() {
    assertInvalid(() -> VALID.withConnectTimeout(Duration.ZERO), "INVALID_OPTION", "connectTimeout");
    assertInvalid(() -> VALID.withConnectTimeout(Duration.ofSeconds(-1)), "INVALID_OPTION", "connectTimeout");
  }

  @Test
  void withRetry_badPolicy_invalidOptionBeforeAnyConfig() {
    assertInvalid(() -> VALID.withRetry(new RetryPolicy(0, Duration.ZERO, Duration.ZERO)), "INVALID_OPTION",
        "maxAttempts");
  }

  @Test
  void withOperationTimeoutOrQueryTimeout_zero_invalidOption() {
    assertInvalid(() -> VALID.withOperationTimeout(Duration.ZERO), "INVALID_OPTION", "operationTimeout");
    assertInvalid(() -> VALID.withQueryTimeout(Duration.ofSeconds(-1)), "INVALID_OPTION", "queryTimeout");
  }

  private static void assertInvalid(Executable build, String code, String named) {
    Throwable thrown = catchThrowable(build::execute);
    assertInvalid(thrown, code);
    assertThat(thrown).hasMessageContaining(named);
  }

  private static void assertInvalid(Throwable thrown, String code) {
    assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.code()).isEqualTo(code));
    assertThat(thrown.getMessage()).doesNotContain("\n");
  }
}
