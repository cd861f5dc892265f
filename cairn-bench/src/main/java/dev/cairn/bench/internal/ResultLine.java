package dev.cairn.bench.internal;

import java.util.Locale;

/**
 * One printed line: {@code sql.<phase> cairn=<ops/s> jdbc=<ops/s> ratio=<cairn/jdbc> cairn_alloc_b_op=<B>
 * jdbc_alloc_b_op=<B>}, ops/s and bytes as integers and the ratio with two decimals, computed from the unrounded
 * figures; an allocation the JVM could not count prints as {@code -}.
 *
 * @param cairnBytesPerOp heap bytes allocated per operation on the Cairn side, or {@code null} if unknown
 * @param jdbcBytesPerOp the same for the JDBC side
 */
public record ResultLine(
    String phase, double cairnOpsPerSecond, double jdbcOpsPerSecond, Double cairnBytesPerOp, Double jdbcBytesPerOp) {

  public ResultLine(String phase, double cairnOpsPerSecond, double jdbcOpsPerSecond) {
    this(phase, cairnOpsPerSecond, jdbcOpsPerSecond, null, null);
  }

  /** The line of the phase's pair of rounds with the median ratio ({@link Measurements#median}). */
  public static ResultLine of(Measurements measurements, String phase) {
    Measurements.Pick pick = measurements.median(phase, "cairn", "jdbc");
    return new ResultLine(phase, pick.side(), pick.peer(),
        measurements.leastAllocation(phase, "cairn"), measurements.leastAllocation(phase, "jdbc"));
  }

  public double ratio() {
    return cairnOpsPerSecond / jdbcOpsPerSecond;
  }

  public String format() {
    return String.format(Locale.ROOT, "sql.%s cairn=%d jdbc=%d ratio=%.2f cairn_alloc_b_op=%s jdbc_alloc_b_op=%s",
        phase, Math.round(cairnOpsPerSecond), Math.round(jdbcOpsPerSecond), ratio(), bytes(cairnBytesPerOp),
        bytes(jdbcBytesPerOp));
  }

  private static String bytes(Double perOperation) {
    return perOperation == null ? "-" : Long.toString(Math.round(perOperation));
  }
}
