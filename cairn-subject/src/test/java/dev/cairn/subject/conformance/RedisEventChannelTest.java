package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.Subscription;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.SubjectEvent;
import dev.cairn.subject.SubjectEventChannel;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.RedisService;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Subject events across processes: a second JVM writes a subject with {@link SubjectEventChannel#publisher}
 * listening; this JVM, subscribed to the channel, receives every event in the order of the writes.
 */
class RedisEventChannelTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void publisherInOtherJvm_everyEventReceivedInOrder() throws Exception {
    String channel = REDIS.keyPrefix() + "events-" + UUID.randomUUID();
    String name = "published-" + UUID.randomUUID();
    List<SubjectEvent> received = new CopyOnWriteArrayList<>();
    CountDownLatch deleted = new CountDownLatch(1);
    try (KeyValue kv = KeyValue.open(REDIS.url());
        Subscription subscription = SubjectEventChannel.subscribe(kv, channel, event -> {
          received.add(event);
          if (event instanceof SubjectEvent.SubjectDeleted) {
            deleted.countDown();
          }
        })) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), EventPublisherProcess.class.getName(), REDIS.url(),
          REDIS.keyPrefix(), channel, name).redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes());
      assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(child.exitValue()).as("publisher output: %s", output).isZero();
      assertThat(deleted.await(1, TimeUnit.MINUTES)).as("the last event arrived").isTrue();
    }
    List<SubjectEvent> expected = new ArrayList<>();
    for (long i = 1; i <= EventPublisherProcess.CHANGES; i++) {
      expected.add(new SubjectEvent.PropertyChanged(name, "n", i, i == 1 ? null : i - 1, i > 1));
    }
    expected.add(new SubjectEvent.PropertyChanged(name, "gone", true, null, false));
    expected.add(new SubjectEvent.PropertyDeleted(name, "gone", true));
    expected.add(new SubjectEvent.PropertyDeleted(name, "n", (long) EventPublisherProcess.CHANGES));
    expected.add(new SubjectEvent.PropertyDeleted(name, "meta", "x", PropertyKind.EXTENDED));
    expected.add(new SubjectEvent.SubjectDeleted(name, new StoredSubject(
        Map.of("n", (long) EventPublisherProcess.CHANGES), Map.of("meta", "x"))));
    assertThat(received).containsExactlyElementsOf(expected);
  }

  @Test
  void json_everyEventKind_roundTripsWithPythonsIntegers() {
    StoredSubject snapshot = new StoredSubject(Map.of("big", BigInteger.TWO.pow(70)), Map.of("", List.of(1.5)));
    List<SubjectEvent> events = List.of(
        new SubjectEvent.PropertyChanged("s", "n", BigInteger.TWO.pow(64), null, false),
        new SubjectEvent.PropertyDeleted("s", "", Map.of("a", true), PropertyKind.EXTENDED),
        new SubjectEvent.SubjectDeleted("s", snapshot));
    for (SubjectEvent event : events) {
      assertThat(SubjectEventChannel.fromJson(SubjectEventChannel.toJson(event, "origin-1", 7))).isEqualTo(event);
    }
    assertThat(SubjectEventChannel.toJson(events.get(0), "origin-1", 7)).isEqualTo("{\"type\": "
        + "\"subject-property-changed\", \"subject\": \"s\", \"property_name\": \"n\", \"value\": "
        + "18446744073709551616, \"old_value\": null, \"existed\": false, \"origin\": \"origin-1\", "
        + "\"seq\": 7}");
  }

  @Test
  void subscribe_foreignMessage_skippedAndLaterEventsStillArrive() throws Exception {
    String channel = REDIS.keyPrefix() + "events-" + UUID.randomUUID();
    List<SubjectEvent> received = new CopyOnWriteArrayList<>();
    CountDownLatch arrived = new CountDownLatch(1);
    try (KeyValue kv = KeyValue.open(REDIS.url());
        Subjects subjects = Subjects.on(SubjectStorages.memory());
        Subscription subscription = SubjectEventChannel.subscribe(kv, channel, event -> {
          received.add(event);
          arrived.countDown();
        })) {
      kv.publish(channel, "not json");
      kv.publish(channel, "{\"type\": \"something-else\"}");
      subjects.addListener(SubjectEventChannel.publisher(kv, channel));
      subjects.get("s").set("n", 1);
      assertThat(arrived.await(1, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(received).containsExactly(new SubjectEvent.PropertyChanged("s", "n", 1L, null, false));
  }
}
