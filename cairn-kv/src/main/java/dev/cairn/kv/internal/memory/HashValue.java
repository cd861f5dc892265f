package dev.cairn.kv.internal.memory;

import java.util.LinkedHashMap;

/**
 * The fields of a hash in insertion order. Not thread-safe by itself: {@link MemoryData} reads and writes it only
 * inside {@code ConcurrentHashMap.compute} for the owning key, which serializes access.
 */
record HashValue(LinkedHashMap<String, byte[]> fields) {
  HashValue() {
    this(new LinkedHashMap<>());
  }
}
