package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.testkit.TestSupport;
import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each way of failing to open a store gives one clear exception naming the host, never the password. */
class RedisConnectFailureTest {
  private static final String PASSWORD = "s3cret-Pa55";
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.plain("--requirepass", PASSWORD);
  private static final KeyValueOptions QUICK = KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(2));

  @Test
  void open_noServerListening_unavailableNamingHost() {
    int port = TestSupport.freePort();

    assertThatThrownBy(() -> KeyValue.open("redis://:" + PASSWORD + "@127.0.0.1:" + port, QUICK))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.code()).isEqualTo("KV_UNAVAILABLE");
          assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("****").doesNotContain(PASSWORD);
        });
  }

  @Test
  void open_clusterWithoutLiveNodes_oneLineUnavailable() {
    String url = "redis-cluster://127.0.0.1:" + TestSupport.freePort() + ",127.0.0.1:" + TestSupport.freePort();

    assertThatThrownBy(() -> KeyValue.open(url, QUICK))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.code()).isEqualTo("KV_UNAVAILABLE");
          assertThat(e.getMessage()).startsWith("cannot connect to Redis at " + url).doesNotContain("\n");
        });
  }

  @Test
  void open_wrongPassword_authFailedWithPasswordMasked() {
    String url = "redis://default:wrong-Pa55@127.0.0.1:" + REDIS.port();

    assertThatThrownBy(() -> KeyValue.open(url, QUICK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("KV_AUTH_FAILED");
          assertThat(e.getMessage()).contains("127.0.0.1:" + REDIS.port()).contains("default:****@")
              .doesNotContain("wrong-Pa55");
        });
  }

  @Test
  void open_noPasswordForProtectedServer_authFailed() {
    assertThatThrownBy(() -> KeyValue.open("redis://127.0.0.1:" + REDIS.port(), QUICK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("KV_AUTH_FAILED"));
  }

  @Test
  void open_rightPassword_works() {
    try (KeyValue kv = KeyValue.open("redis://:" + PASSWORD + "@127.0.0.1:" + REDIS.port() + "/2", QUICK)) {
      kv.set("k", "v");

      assertThat(kv.get("k")).contains("v");
      assertThat(kv.url()).doesNotContain(PASSWORD).contains("/2");
      assertThat(kv.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void open_sqlUrl_unsupportedScheme() {
    assertThatThrownBy(() -> KeyValue.open("postgresql://u:pw-x@db:5432/app"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("UNSUPPORTED_URL_SCHEME");
          assertThat(e.getMessage()).doesNotContain("pw-x");
        });
  }

  @Test
  void open_missingTlsFile_invalidTlsFile() {
    assertThatThrownBy(() -> KeyValue.open("rediss://127.0.0.1:6380?ca=/nonexistent/ca.pem"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_TLS_FILE"));
  }

  @Test
  void open_badTimeoutParameter_invalidUrl() {
    assertThatThrownBy(() -> KeyValue.open("redis://127.0.0.1:" + REDIS.port() + "?timeout=soon"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_URL"));
  }
}
