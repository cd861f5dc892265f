package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSubjectStorageTest extends SubjectStorageConformance {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Override
  protected SubjectStorage openStorage() {
    // the query parameter carries the KRules key prefix; subjects land at s:<prefix><name>
    return SubjectStorages.open(REDIS.url() + "?keyPrefix=" + REDIS.keyPrefix());
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
