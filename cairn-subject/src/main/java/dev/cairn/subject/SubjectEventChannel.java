package dev.cairn.subject;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import dev.cairn.subject.internal.PythonJson;
import dev.cairn.subject.internal.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opt-in subject events across processes, on Redis pub/sub (or the memory store's, within one process): a
 * {@link #publisher} listener sends each event of a {@link Subjects} as one JSON message on a channel, and
 * {@link #subscribe} turns the messages of a channel back into events, in the order they were published.
 *
 * <pre>{@code
 * subjects.addListener(SubjectEventChannel.publisher(kv, SubjectEventChannel.DEFAULT_CHANNEL));   // process A
 * SubjectEventChannel.subscribe(kv, SubjectEventChannel.DEFAULT_CHANNEL, event -> ...);          // process B
 * }</pre>
 *
 * <p><b>Format</b>: one JSON object per event, as Python's {@code json.dumps} writes it (integers of any size are
 * plain JSON integers), with KRules' event type names and payload keys:
 * <pre>
 * {"type": "subject-property-changed", "subject": "user-1", "property_name": "n", "value": 2, "old_value": 1,
 *  "existed": true, "origin": "4f0c...", "seq": 17}
 * {"type": "subject-property-deleted", "subject": "user-1", "property_name": "n", "old_value": 2,
 *  "extended": false, "origin": "4f0c...", "seq": 18}
 * {"type": "subject-deleted", "subject": "user-1", "snapshot": {"properties": {...}, "ext": {...}},
 *  "origin": "4f0c...", "seq": 19}
 * </pre>
 * {@code origin} names the publisher (one random id per {@link #publisher} call) and {@code seq} counts its
 * messages from 1, so a receiver can skip its own messages and notice gaps. A Python service reacts with a few
 * lines of redis-py: {@code p = r.pubsub(); p.subscribe("cairn:subject-events"); for m in p.listen(): ...
 * json.loads(m["data"])}.
 *
 * <p><b>Delivery</b> is Redis pub/sub's: at most once, to subscribers connected at the time, in publish order
 * per publisher (one publisher's messages travel on one connection; a subject's events are published under its
 * lock, so in the order of its writes). A message is published synchronously on the writing thread after the
 * write; if publishing fails, the writer gets the key-value store's exception although its write happened.
 */
public final class SubjectEventChannel {
  /** The channel to use when nothing else is agreed on. */
  public static final String DEFAULT_CHANNEL = "cairn:subject-events";

  private static final System.Logger LOG = System.getLogger(SubjectEventChannel.class.getName());

  private SubjectEventChannel() {}

  /** A listener publishing every event on {@code channel} of {@code kv}; add it with {@link Subjects#addListener}. */
  public static SubjectListener publisher(KeyValue kv, String channel) {
    Objects.requireNonNull(kv, "kv");
    Objects.requireNonNull(channel, "channel");
    String origin = UUID.randomUUID().toString();
    AtomicLong sequence = new AtomicLong();
    // synchronized: the sequence number and the publish must go together, or two subjects' events could be
    // numbered in one order and sent in the other.
    return new SubjectListener() {
      @Override
      public synchronized void onEvent(SubjectEvent event) {
        kv.publish(channel, toJson(event, origin, sequence.incrementAndGet()));
      }
    };
  }

  /**
   * Hands every event published on {@code channel} to {@code listener}, one at a time in arrival order, on the
   * subscription's thread. Messages that are not subject events in this format are skipped (logged at WARNING).
   * Close the subscription to stop.
   */
  public static Subscription subscribe(KeyValue kv, String channel, SubjectListener listener) {
    Objects.requireNonNull(listener, "listener");
    return kv.subscribe(message -> deliver(message, listener), channel);
  }

  private static void deliver(Message message, SubjectListener listener) {
    SubjectEvent event;
    try {
      event = fromJson(message.text());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "skipped a message on " + message.channel() + " that is no subject event: "
          + e.getMessage());
      return;
    }
    listener.onEvent(event);
  }

  /** The JSON message of {@code event}, as documented above. */
  public static String toJson(SubjectEvent event, String origin, long seq) {
    Map<String, Object> json = new LinkedHashMap<>();
    switch (event) {
      case SubjectEvent.PropertyChanged changed -> {
        json.put("type", "subject-property-changed");
        json.put("subject", changed.subject());
        json.put("property_name", changed.property());
        json.put("value", changed.value());
        json.put("old_value", changed.previous());
        json.put("existed", changed.existed());
      }
      case SubjectEvent.PropertyDeleted deleted -> {
        json.put("type", "subject-property-deleted");
        json.put("subject", deleted.subject());
        json.put("property_name", deleted.property());
        json.put("old_value", deleted.previous());
        json.put("extended", deleted.kind() == PropertyKind.EXTENDED);
      }
      case SubjectEvent.SubjectDeleted subject -> {
        json.put("type", "subject-deleted");
        json.put("subject", subject.subject());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("properties", subject.snapshot().properties());
        snapshot.put("ext", subject.snapshot().extended());
        json.put("snapshot", snapshot);
      }
    }
    json.put("origin", origin);
    json.put("seq", seq);
    return PythonJson.write(Values.normalize(json));
  }

  /**
   * The event a JSON message describes.
   *
   * @throws IllegalArgumentException when the text is not a subject event in this format
   */
  public static SubjectEvent fromJson(String text) {
    Object parsed;
    try {
      parsed = PythonJson.read(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> json) || !(json.get("type") instanceof String type)) {
      throw new IllegalArgumentException("not a JSON object with a \"type\"");
    }
    String subject = text(json, "subject");
    return switch (type) {
      case "subject-property-changed" -> new SubjectEvent.PropertyChanged(subject, text(json, "property_name"),
          json.get("value"), json.get("old_value"), Boolean.TRUE.equals(json.get("existed")));
      case "subject-property-deleted" -> new SubjectEvent.PropertyDeleted(subject, text(json, "property_name"),
          json.get("old_value"), Boolean.TRUE.equals(json.get("extended")) ? PropertyKind.EXTENDED
              : PropertyKind.PROPERTY);
      case "subject-deleted" -> {
        if (!(json.get("snapshot") instanceof Map<?, ?> snapshot)
            || !(snapshot.get("properties") instanceof Map<?, ?> properties)
            || !(snapshot.get("ext") instanceof Map<?, ?> ext)) {
          throw new IllegalArgumentException("subject-deleted without a snapshot of properties and ext");
        }
        yield new SubjectEvent.SubjectDeleted(subject, new StoredSubject(strings(properties), strings(ext)));
      }
      default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
    };
  }

  private static String text(Map<?, ?> json, String key) {
    if (json.get(key) instanceof String value) {
      return value;
    }
    throw new IllegalArgumentException("\"" + key + "\" is missing or not a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> strings(Map<?, ?> map) {
    return (Map<String, Object>) map; // JSON object keys are strings
  }
}
