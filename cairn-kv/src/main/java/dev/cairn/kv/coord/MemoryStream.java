package dev.cairn.kv.coord;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The memory twin of a Redis stream with one consumer group, as {@link WorkQueue} uses it: entries, the group's
 * last-delivered id and its pending entries list (PEL) with owner, delivery time and delivery count. Methods mirror
 * XADD, XAUTOCLAIM (scanning the whole PEL, like the Lua loop), XREADGROUP {@code >}, the owner-checked XACK +
 * XDEL and XCLAIM JUSTID. Used only inside script runs under the memory store's exclusive lock, so it needs no
 * synchronization.
 */
final class MemoryStream {
  private final TreeMap<StreamId, String> entries = new TreeMap<>();
  private final TreeMap<StreamId, Pending> pending = new TreeMap<>();
  private StreamId lastId = StreamId.ZERO;
  private StreamId lastDelivered = StreamId.ZERO;

  private static final class Pending {
    String consumer;
    long deliveredAt;
    long deliveries;

    Pending(String consumer, long deliveredAt) {
      this.consumer = consumer;
      this.deliveredAt = deliveredAt;
      this.deliveries = 1;
    }
  }

  StreamId add(String payload, long nowMillis) {
    lastId = lastId.next(nowMillis);
    entries.put(lastId, payload);
    return lastId;
  }

  /** Claims the first pending entry idle for at least {@code minIdleMillis}, or returns {@code null}. */
  Job reclaim(String consumer, long minIdleMillis, long nowMillis) {
    Iterator<Map.Entry<StreamId, Pending>> candidates = pending.entrySet().iterator();
    while (candidates.hasNext()) {
      Map.Entry<StreamId, Pending> candidate = candidates.next();
      Pending entry = candidate.getValue();
      if (nowMillis - entry.deliveredAt < minIdleMillis) {
        continue;
      }
      String payload = entries.get(candidate.getKey());
      if (payload == null) {
        // deleted from the stream while pending: XAUTOCLAIM drops such entries from the PEL
        candidates.remove();
        continue;
      }
      entry.consumer = consumer;
      entry.deliveredAt = nowMillis;
      entry.deliveries++;
      return new Job(candidate.getKey().toString(), payload, entry.deliveries);
    }
    return null;
  }

  /** Delivers the next never-delivered entry to {@code consumer}, or returns {@code null}. */
  Job readNew(String consumer, long nowMillis) {
    Map.Entry<StreamId, String> next = entries.higherEntry(lastDelivered);
    if (next == null) {
      return null;
    }
    lastDelivered = next.getKey();
    pending.put(next.getKey(), new Pending(consumer, nowMillis));
    return new Job(next.getKey().toString(), next.getValue(), 1);
  }

  /** Restarts the idle time of {@code id} if {@code consumer} holds it; returns whether it did. */
  boolean extend(String consumer, StreamId id, long nowMillis) {
    Pending entry = pending.get(id);
    if (entry == null || !entry.consumer.equals(consumer)) {
      return false;
    }
    entry.deliveredAt = nowMillis;
    return true;
  }

  /** Acknowledges and deletes {@code id} if {@code consumer} holds it; returns whether it did. */
  boolean ack(String consumer, StreamId id) {
    Pending entry = pending.get(id);
    if (entry == null || !entry.consumer.equals(consumer)) {
      return false;
    }
    pending.remove(id);
    entries.remove(id);
    return true;
  }
}
