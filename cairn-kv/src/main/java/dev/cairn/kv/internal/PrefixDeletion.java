package dev.cairn.kv.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code deletePrefix}: SCAN with the glob-escaped prefix, skip excluded prefixes, UNLINK in batches. Never KEYS,
 * so a large keyspace is walked without blocking the server; batches keep each UNLINK short. Keys of a batch are
 * collected before deleting so the scan cursor is not disturbed by our own deletions more than Redis allows.
 */
final class PrefixDeletion {
  private final Backend backend;
  private final String prefix;
  private final List<String> excludedPrefixes;

  PrefixDeletion(Backend backend, String prefix, List<String> excludedPrefixes) {
    this.backend = backend;
    this.prefix = prefix;
    this.excludedPrefixes = excludedPrefixes;
  }

  long run() {
    Iterator<String> keys = backend.scan(Glob.escape(prefix) + "*", PrefixedKeyValue.SCAN_BATCH);
    long deleted = 0;
    List<String> batch = new ArrayList<>(PrefixedKeyValue.SCAN_BATCH);
    while (keys.hasNext()) {
      String key = keys.next();
      if (!excluded(key)) {
        batch.add(key);
      }
      if (batch.size() == PrefixedKeyValue.SCAN_BATCH) {
        deleted += backend.delete(batch);
        batch = new ArrayList<>(PrefixedKeyValue.SCAN_BATCH);
      }
    }
    if (!batch.isEmpty()) {
      deleted += backend.delete(batch);
    }
    return deleted;
  }

  private boolean excluded(String key) {
    for (String excluded : excludedPrefixes) {
      if (key.startsWith(excluded)) {
        return true;
      }
    }
    return false;
  }
}
