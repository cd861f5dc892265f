package dev.cairn.subject.conformance;

import dev.cairn.kv.KeyValue;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectEventChannel;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;

/**
 * The publishing JVM of {@link RedisEventChannelTest}: writes one subject in a fixed sequence with its events
 * published on a Redis channel, then prints {@code done}.
 */
final class EventPublisherProcess {
  static final int CHANGES = 100;

  private EventPublisherProcess() {}

  /** Arguments: Redis URL, KRules key prefix, channel, subject name. */
  public static void main(String[] args) {
    try (KeyValue kv = KeyValue.open(args[0]);
        Subjects subjects = Subjects.on(SubjectStorages.redis(kv, args[1]))) {
      subjects.addListener(SubjectEventChannel.publisher(kv, args[2]));
      write(subjects, args[3]);
    }
    System.out.println("done");
  }

  /** The sequence: CHANGES direct sets of {@code n}, an extended property, a delete, a flush. */
  static void write(Subjects subjects, String name) {
    Subject subject = subjects.get(name);
    for (int i = 1; i <= CHANGES; i++) {
      subject.set("n", (long) i, Write.DIRECT);
    }
    subject.setExt("meta", "x", Write.DIRECT);
    subject.set("gone", true, Write.DIRECT);
    subject.delete("gone", Write.DIRECT);
    subject.flush();
  }
}
