package dev.cairn.kv.coord;

import java.util.Map;
import java.util.TreeMap;

/**
 * The memory twin of the sliding-window sorted set: admitted request times in microseconds, as a sorted multiset
 * (a manual clock may repeat or step back, so times are not assumed unique or increasing). Used only inside a
 * script run, under the memory store's exclusive lock, so it needs no synchronization of its own.
 */
final class WindowLog {
  private final TreeMap<Long, Integer> counts = new TreeMap<>();
  private long size;

  /** Drops every time at or before {@code threshold} (ZREMRANGEBYSCORE -inf threshold). */
  void dropUpTo(long threshold) {
    Map<Long, Integer> old = counts.headMap(threshold, true);
    old.values().forEach(count -> size -= count);
    old.clear();
  }

  void add(long time) {
    counts.merge(time, 1, Integer::sum);
    size++;
  }

  long size() {
    return size;
  }

  /** The time at 0-based rank {@code rank} in ascending order (ZRANGE rank rank). */
  long timeAt(long rank) {
    long seen = 0;
    for (Map.Entry<Long, Integer> entry : counts.entrySet()) {
      seen += entry.getValue();
      if (seen > rank) {
        return entry.getKey();
      }
    }
    throw new IndexOutOfBoundsException("rank " + rank + " of " + size);
  }
}
