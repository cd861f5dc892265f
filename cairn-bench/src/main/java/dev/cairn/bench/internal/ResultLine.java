package dev.cairn.bench.internal;

import java.util.Locale;

/**
 * One printed line: {@code sql.<phase> cairn=<ops/s> jdbc=<ops/s> ratio=<cairn/jdbc>}, ops/s as integers and the
 * ratio with two decimals, both computed from the unrounded figures.
 */
public record ResultLine(String phase, double cairnOpsPerSecond, double jdbcOpsPerSecond) {

  public static ResultLine of(Measurements measurements, String phase) {
    return new ResultLine(phase, measurements.best(phase, "cairn"), measurements.best(phase, "jdbc"));
  }

  public double ratio() {
    return cairnOpsPerSecond / jdbcOpsPerSecond;
  }

  public String format() {
    return String.format(Locale.ROOT, "sql.%s cairn=%d jdbc=%d ratio=%.2f",
        phase, Math.round(cairnOpsPerSecond), Math.round(jdbcOpsPerSecond), ratio());
  }
}
