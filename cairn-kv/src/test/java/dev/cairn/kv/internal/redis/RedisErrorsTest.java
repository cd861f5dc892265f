package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.CairnException;
import dev.cairn.core.Status;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.OutcomeUnknownException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How Lettuce's failures map to the key-value contract: only a failure that proves the command never reached Redis
 * is a plain {@code KV_UNAVAILABLE}; the rest of the connection failures are {@link OutcomeUnknownException}s. The
 * kill tests in cairn-testkit check the same against a real server; this pins each path down.
 */
class RedisErrorsTest {
  private final RedisErrors errors = new RedisErrors("redis://127.0.0.1:6379", Duration.ofSeconds(2));

  @Test
  void onCommand_rejectedWhileDisconnected_isUnavailableNeverSent() {
    assertNeverSent(new RedisException("Currently not connected. Commands are rejected."));
  }

  @Test
  void onCommand_drainedFromBufferOrClosed_isUnavailableNeverSent() {
    assertNeverSent(new RedisException("Connection disconnected"));
    assertNeverSent(new RedisException("Connection closed"));
    assertNeverSent(new RedisException("Connection is closed"));
  }

  @Test
  void onCommand_cannotConnect_isUnavailableNeverSent() {
    assertNeverSent(new RedisConnectionException("Unable to connect to 127.0.0.1:7000"));
  }

  @Test
  void onCommand_connectionLostWhileInFlight_isOutcomeUnknown() {
    assertOutcomeUnknown(new InFlightCommands.InFlightCommandLost(), "KV_OUTCOME_UNKNOWN");
  }

  @Test
  void onCommand_readFailedWhileInFlight_isOutcomeUnknown() {
    // Lettuce completes the oldest unanswered command with the channel's exception
    assertOutcomeUnknown(new RedisException(new IOException("Connection reset by peer")), "KV_OUTCOME_UNKNOWN");
  }

  @Test
  void onCommand_timeout_isOutcomeUnknown() {
    assertOutcomeUnknown(new RedisCommandTimeoutException("Command timed out after 2 second(s)"), "KV_TIMEOUT");
  }

  @Test
  void onCommand_serverRefusedWhileLoading_isUnavailableNeverApplied() {
    CairnException failure = errors.onCommand(
        new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory"), "INCRBY", "n");

    assertThat(failure).isExactlyInstanceOf(UnavailableException.class);
    assertThat(failure.code()).isEqualTo("KV_UNAVAILABLE");
  }

  private void assertNeverSent(RuntimeException lettuce) {
    CairnException failure = errors.onCommand(lettuce, "INCRBY", "n");

    assertThat(failure).as(lettuce.getMessage()).isExactlyInstanceOf(UnavailableException.class);
    assertThat(failure.code()).isEqualTo("KV_UNAVAILABLE");
    assertThat(failure.getMessage()).contains("INCRBY", "redis://127.0.0.1:6379", "not sent");
  }

  private void assertOutcomeUnknown(RuntimeException lettuce, String code) {
    CairnException failure = errors.onCommand(lettuce, "INCRBY", "n");

    assertThat(failure).isInstanceOf(OutcomeUnknownException.class);
    assertThat(failure.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(failure.code()).isEqualTo(code);
    assertThat(failure.getMessage()).contains("INCRBY", "may or may not have been applied");
  }
}
