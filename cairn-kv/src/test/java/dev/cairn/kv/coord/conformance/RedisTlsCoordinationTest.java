package dev.cairn.kv.coord.conformance;

import dev.cairn.testkit.kv.PrivateRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The coordination suites on a private TLS-only Redis with client certificates (scripts and pub/sub over TLS). */
class RedisTlsCoordinationTest extends CoordinationOnPrivateRedis {
  static final PrivateRedis TLS = PrivateRedis.tls();
  @RegisterExtension static final OncePerClassTree ONE_SERVER = new OncePerClassTree(TLS);

  @Override
  String serverUrl() {
    return TLS.url();
  }
}
