package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import dev.cairn.testkit.kv.PrivateRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SubjectStorageConformance} on a private 3-master Redis Cluster (each subject's hash lives on the master of
 * its slot), plus a check that subjects really spread over every master and each one's transactions work there.
 */
class RedisClusterSubjectStorageTest extends SubjectStorageConformance {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.cluster();
  private static final String PREFIX = "cluster-subjects:";

  @Override
  protected SubjectStorage openStorage() {
    return SubjectStorages.open(REDIS.url() + "?keyPrefix=" + PREFIX);
  }

  @Override
  protected boolean persistent() {
    return true;
  }

  @Test
  void subjects_manySlots_landOnEveryMasterAndEachTransactionWorks() {
    try (Subjects spread = Subjects.on(SubjectStorages.open(REDIS.url() + "?keyPrefix=spread:"))) {
      for (int i = 0; i < 60; i++) {
        Subject subject = spread.get("s" + i);
        subject.set("n", i);
        subject.store();
        subject.increment("n", 1, Write.DIRECT);
        subject.set("n", old -> (Long) old * 2, Write.DIRECT);
      }
      for (int i = 0; i < 60; i++) {
        assertThat(spread.get("s" + i).get("n")).isEqualTo((i + 1L) * 2);
      }
      assertThat(subjectHashesPerMaster()).hasSize(3).allSatisfy(count -> assertThat(count).isPositive());
      assertThat(spread.storage().names("s")).as("every master scanned").hasSize(60);
      for (int i = 0; i < 60; i++) {
        spread.get("s" + i).flush();
      }
      assertThat(subjectHashesPerMaster()).containsOnly(0L);
    }
  }

  private static List<Long> subjectHashesPerMaster() {
    return List.of(REDIS.url().substring("redis-cluster://".length()).split(",")).stream()
        .map(host -> {
          try (KeyValue node = KeyValue.open("redis://" + host)) {
            return node.scan("s:spread:*").count();
          }
        }).toList();
  }
}
