package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public stats view counts Redis round trips on the client: one per pipelined MULTI/EXEC or plain command. */
class RedisStorageStatsTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void stats_storeOfManyProperties_oneRoundTripEach() {
    try (KeyValue kv = KeyValue.open(REDIS.url());
        SubjectStorage storage = SubjectStorages.redis(kv, REDIS.keyPrefix());
        Subjects subjects = Subjects.on(storage)) {
      assertThat(storage.stats().roundTrips()).isZero();
      Subject subject = subjects.get("counted");
      subject.set("p0", 0);
      assertThat(storage.stats().roundTrips()).as("the first cached write loads the subject").isEqualTo(1);
      for (int property = 1; property < 100; property++) {
        subject.set("p" + property, property);
      }
      subject.store();
      assertThat(storage.stats().roundTrips()).as("one MULTI/EXEC for 100 properties").isEqualTo(2);

      subject.set("n", 1, Write.DIRECT);
      subjects.get("counted").toMap();
      assertThat(storage.stats().roundTrips()).as("then a direct set and a load").isEqualTo(4);
      subject.flush();
    }
  }
}
