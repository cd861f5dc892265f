package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.kv.PrivateRedis;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SubjectStorageConformance} on a private Redis master found through a private Sentinel. */
class RedisSentinelSubjectStorageTest extends SubjectStorageConformance {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.sentinel();

  @Override
  protected SubjectStorage openStorage() {
    String url = REDIS.url();
    return SubjectStorages.open(url + (url.contains("?") ? "&" : "?") + "keyPrefix=sentinel-subjects:");
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
