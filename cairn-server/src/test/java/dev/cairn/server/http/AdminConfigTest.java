package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

  @Test
  void defaults_loopbackWithoutToken_readOnly() {
    AdminConfig config = AdminConfig.defaults();
    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.allowsWrites()).isFalse();
    assertThat(config.maxPageSize()).isEqualTo(1000);
  }

  @Test
  void withBind_nonLoopbackWithoutToken_refused() {
    assertThatThrownBy(() -> AdminConfig.defaults().withBind("0.0.0.0", 8080))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAIRN_ADMIN_TOKEN")
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("ADMIN_TOKEN_REQUIRED");
  }

  @Test
  void withBind_nonLoopbackWithToken_allowed() {
    AdminConfig config = AdminConfig.defaults().withAdminToken("s3cret-s3cret-s3cret").withBind("0.0.0.0", 0);
    assertThat(config.allowsWrites()).isTrue();
    assertThat(config.withReadOnly(true).allowsWrites()).isFalse();
  }

  @Test
  void toString_neverShowsTheToken() {
    assertThat(AdminConfig.defaults().withAdminToken("s3cret-s3cret-s3cret").toString()).doesNotContain("s3cret").contains("set");
  }

  @Test
  void invalidValues_refusedWithCodes() {
    assertThatThrownBy(() -> AdminConfig.defaults().withAdminToken("  "))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("EMPTY_ADMIN_TOKEN");
    assertThatThrownBy(() -> AdminConfig.defaults().withBind("127.0.0.1", 70_000))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_PORT");
    assertThatThrownBy(() -> AdminConfig.defaults().withLimits(0, 10))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_LIMIT");
  }

  @Test
  void withAllowedHosts_normalized() {
    AdminConfig config = AdminConfig.defaults().withAllowedHosts(List.of(" Cairn.Internal ", "[::2]", "*",
        "cairn.internal"));
    assertThat(config.allowedHosts()).containsExactly("cairn.internal", "::2", "*");
    assertThat(config.withBind("127.0.0.1", 0).allowedHosts()).isEqualTo(config.allowedHosts());
  }

  @Test
  void withAllowedHosts_notAHostName_invalidHost() {
    for (String bad : List.of("", " ", "http://x", "x/y", "a b", "x:80", "évil")) {
      assertThatThrownBy(() -> AdminConfig.defaults().withAllowedHosts(List.of(bad))).as(bad)
          .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_HOST");
    }
  }

  @Test
  void requestPolicy_defaultsAndRefusals() {
    RequestPolicy defaults = AdminConfig.defaults().requestPolicy();
    assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.idempotencyRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(AdminConfig.defaults().withRequestPolicy(defaults.withMaxQueuedCalls(0)).requestPolicy()
        .maxQueuedCalls()).isZero();
    assertThatThrownBy(() -> defaults.withRequestTimeout(Duration.ZERO))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_LIMIT");
    assertThatThrownBy(() -> defaults.withMaxQueuedCalls(-1))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_LIMIT");
    assertThatThrownBy(() -> defaults.withIdempotencyRetention(Duration.ofDays(400)))
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("INVALID_LIMIT");
  }

  // Issue 10: the token protects reads too, so a short one is refused (its length named, never the token).
  @Test
  void token_shorterThan16_refused() {
    assertThatThrownBy(() -> AdminConfig.defaults().withAdminToken("fifteen-chars-x"))
        .hasMessageContaining("15 characters").hasMessageNotContaining("fifteen-chars-x")
        .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("ADMIN_TOKEN_TOO_SHORT");
    assertThat(AdminConfig.defaults().withAdminToken("sixteen-chars-xx").adminToken()).isPresent();
  }
}
