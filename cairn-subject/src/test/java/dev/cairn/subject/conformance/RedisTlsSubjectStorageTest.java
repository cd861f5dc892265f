package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.kv.PrivateRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SubjectStorageConformance} on a private TLS-only Redis with mutual TLS. */
class RedisTlsSubjectStorageTest extends SubjectStorageConformance {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.tls();

  @Override
  protected SubjectStorage openStorage() {
    String url = REDIS.url();
    return SubjectStorages.open(url + (url.contains("?") ? "&" : "?") + "keyPrefix=tls-subjects:");
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
