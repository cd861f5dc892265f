package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.testkit.kv.PrivateRedis;
import dev.cairn.testkit.kv.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeyValueConformance} on a private TLS-only Redis with mutual TLS and a CA generated for the test, plus
 * the refusals: plaintext, a client trusting another CA, and a host name the certificate does not name.
 */
class RedisTlsKeyValueTest extends KeyValueConformance {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.tls();
  private static final KeyValueOptions QUICK = KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(3));

  @Override
  protected String url() {
    return REDIS.url();
  }

  @Override
  protected String keyPrefix() {
    return "tls-test:";
  }

  @Override
  public void passTime(Duration amount) {
    sleep(amount);
  }

  @Test
  void open_plaintextClientOnTlsPort_refusedNamingHost() {
    String plain = "redis://127.0.0.1:" + REDIS.port();

    assertThatThrownBy(() -> KeyValue.open(plain, QUICK).close())
        .isInstanceOfSatisfying(UnavailableException.class,
            e -> assertThat(e.getMessage()).contains("127.0.0.1:" + REDIS.port()));
  }

  @Test
  void open_clientTrustingAnotherCa_refusedAsTlsFailure() {
    TestCertificates pki = REDIS.certificates();
    String otherCa = "rediss://127.0.0.1:" + REDIS.port() + "?ca=" + pki.otherCa() + "&cert=" + pki.clientCert()
        + "&key=" + pki.clientKey();

    assertThatThrownBy(() -> KeyValue.open(otherCa, QUICK).close())
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.code()).isEqualTo("KV_TLS_FAILED");
          assertThat(e.getMessage()).contains("127.0.0.1:" + REDIS.port());
        });
  }

  @Test
  void open_hostNameNotInCertificate_refusedByHostVerification() {
    String byName = REDIS.url().replace("127.0.0.1", "localhost");

    assertThatThrownBy(() -> KeyValue.open(byName, QUICK).close())
        .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.code()).isEqualTo("KV_TLS_FAILED"));
  }

  @Test
  void open_hostNameNotInCertificateWithVerifyCa_connects() {
    String byName = REDIS.url().replace("127.0.0.1", "localhost") + "&verify=ca";

    try (KeyValue kv = KeyValue.open(byName, QUICK)) {
      assertThat(kv.ping()).isPositive();
    }
  }

  @Test
  void open_verifyNone_connectsDespiteUntrustedCertificate() {
    TestCertificates pki = REDIS.certificates();
    String unverified = "rediss://localhost:" + REDIS.port() + "?ca=" + pki.otherCa() + "&cert=" + pki.clientCert()
        + "&key=" + pki.clientKey() + "&verify=none";

    try (KeyValue kv = KeyValue.open(unverified, QUICK)) {
      assertThat(kv.ping()).isPositive();
    }
  }

  @Test
  void open_unknownVerifyMode_invalidUrl() {
    assertThatThrownBy(() -> KeyValue.open(REDIS.url() + "&verify=maybe", QUICK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_URL"));
  }

  @Test
  void open_withoutClientCertificate_refused() {
    String noClientCert = "rediss://127.0.0.1:" + REDIS.port() + "?ca=" + REDIS.certificates().ca();

    assertThatThrownBy(() -> KeyValue.open(noClientCert, QUICK).close()).isInstanceOf(CairnException.class)
        .satisfies(e -> assertThat(((CairnException) e).code()).isIn("KV_TLS_FAILED", "KV_UNAVAILABLE"));
  }
}
