package dev.cairn.bench.internal;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes allocated by all threads of this JVM since it started, from {@code getTotalThreadAllocatedBytes}: the
 * per-thread counters answer -1 for virtual threads, while their allocation is counted on the carrier threads and
 * so is in the total. The difference over a timed run divided by its operations is a line's {@code alloc_b_op}.
 */
public final class AllocatedBytes {
  private static final com.sun.management.ThreadMXBean THREADS = allocationCounter();

  private AllocatedBytes() {}

  /** Bytes allocated by all threads since the JVM started, or -1 when this JVM cannot count them. */
  public static long total() {
    return THREADS == null ? -1 : THREADS.getTotalThreadAllocatedBytes();
  }

  /** Bytes per operation between two {@link #total()} readings, or null when either is unknown or ops is 0. */
  public static Double perOperation(long before, long after, long ops) {
    return before < 0 || after < 0 || ops <= 0 ? null : (double) (after - before) / ops;
  }

  private static com.sun.management.ThreadMXBean allocationCounter() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
      return threads;
    }
    return null;
  }
}
