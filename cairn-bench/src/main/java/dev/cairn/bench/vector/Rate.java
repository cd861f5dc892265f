package dev.cairn.bench.vector;

import java.util.Locale;

/**
 * One side's measured run: operations per second and the heap bytes allocated per operation by all threads of the
 * process meanwhile ({@link dev.cairn.bench.internal.HeapAllocation}), {@code null} where the JVM cannot count
 * them. For a side on PostgreSQL this is the client's share only: the server's work is in another process.
 *
 * @param perSecond operations per second
 * @param allocatedBytesPerOp heap bytes per operation, or {@code null}
 */
record Rate(double perSecond, Double allocatedBytesPerOp) {
  static final Rate NONE = new Rate(0, null);

  /** The higher rate and the lower allocation of two rounds ({@link #NONE} for no round yet). */
  Rate better(Rate other) {
    Double allocation = allocatedBytesPerOp == null ? other.allocatedBytesPerOp
        : other.allocatedBytesPerOp == null ? allocatedBytesPerOp
        : Double.valueOf(Math.min(allocatedBytesPerOp, other.allocatedBytesPerOp));
    return new Rate(Math.max(perSecond, other.perSecond), allocation);
  }

  /** The column {@code <side>_alloc_b_op=<bytes>}, {@code -} when not counted. */
  String allocationColumn(String side) {
    return side + "_alloc_b_op="
        + (allocatedBytesPerOp == null ? "-" : String.format(Locale.ROOT, "%.0f", allocatedBytesPerOp));
  }
}
