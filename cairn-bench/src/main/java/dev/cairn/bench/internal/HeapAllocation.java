package dev.cairn.bench.internal;

import java.lang.management.ManagementFactory;

/**
 * The JVM's count of heap bytes allocated by all its threads, the measure behind every {@code <peer>_alloc_b_op}
 * column: read it before and after a timed run and divide the growth by the run's operations. The total, not the
 * measuring thread's own counter, because that one answers -1 on virtual threads and misses what a client's I/O
 * threads allocate for the operations (Lettuce's event loop), which is part of their cost. Stateless.
 */
public final class HeapAllocation {
  private static final com.sun.management.ThreadMXBean THREADS = counter();

  private HeapAllocation() {}

  /** Bytes allocated by all threads since the JVM started, or -1 when this JVM cannot count them. */
  public static long totalBytes() {
    return THREADS == null ? -1 : THREADS.getTotalThreadAllocatedBytes();
  }

  /** Bytes per operation between two {@link #totalBytes()} readings, or {@code null} when either is unknown. */
  public static Double perOperation(long before, long after, long operations) {
    return before < 0 || after < 0 ? null : (double) (after - before) / operations;
  }

  private static com.sun.management.ThreadMXBean counter() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
      return threads;
    }
    return null;
  }
}
