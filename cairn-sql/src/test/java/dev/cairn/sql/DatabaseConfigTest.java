package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

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
              e -> assertThat(e.code()).isEqualTo("INVALID_DATABASE_OPTION"))
          .hasMessageContaining("queryTimeout");
    }
  }

  @Test
  void withOperationTimeout_zero_refused() {
    assertThatThrownBy(() -> DatabaseConfig.of("sqlite::memory:").withOperationTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationTimeout");
  }
}
