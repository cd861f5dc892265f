package dev.cairn.bench.internal;

import java.util.Arrays;

/** A growable list of primitive longs, so collecting 100 000 ids does not box them. Not thread-safe. */
final class LongCollector {
  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
