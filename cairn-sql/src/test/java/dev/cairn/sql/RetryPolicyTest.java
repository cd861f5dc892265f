package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void new_zeroAttempts_invalidOption() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void new_negativeDelay_invalidOption() {
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("maxDelay");
  }

  @Test
  void none_oneAttemptNoDelay() {
    assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.NONE.maxDelay()).isZero();
  }
}
