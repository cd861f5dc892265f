package dev.cairn.bench.http;

import java.util.Locale;

/**
 * What one run measured; {@link #format()} is the printed line
 * {@code http.page50 conns=<n> req_s=<n> p50_ms=<n> p99_ms=<n> direct_ops_s=<n> ratio=<r> cairn_alloc_b_op=<b>
 * direct_alloc_b_op=<b>}, with {@code -} for an allocation the JVM cannot count.
 *
 * @param connections concurrent clients on both sides
 * @param requestsPerSecond HTTP requests answered with 200 per second
 * @param p50Millis median request latency
 * @param p99Millis 99th percentile request latency
 * @param directOpsPerSecond the same page query through the library, rendered to JSON bytes, per second, at the
 *     same concurrency
 * @param loader the load generator that measured the HTTP side ({@code WRK} or {@code JAVA})
 * @param cairnAllocatedBytesPerOp heap bytes this JVM allocated per HTTP request over the measured window (the
 *     server's alone with wrk; with the java loader its clients' too), or null
 * @param directAllocatedBytesPerOp heap bytes allocated per direct query, or null
 */
public record HttpBenchResult(
    int connections, double requestsPerSecond, double p50Millis, double p99Millis, double directOpsPerSecond,
    HttpBenchOptions.Loader loader, Double cairnAllocatedBytesPerOp, Double directAllocatedBytesPerOp) {

  /** HTTP requests per second over direct queries per second. */
  public double ratio() {
    return directOpsPerSecond == 0 ? 0 : requestsPerSecond / directOpsPerSecond;
  }

  public String format() {
    return String.format(Locale.ROOT,
        "http.page50 conns=%d req_s=%d p50_ms=%.2f p99_ms=%.2f direct_ops_s=%d ratio=%.2f"
            + " cairn_alloc_b_op=%s direct_alloc_b_op=%s",
        connections, Math.round(requestsPerSecond), p50Millis, p99Millis, Math.round(directOpsPerSecond), ratio(),
        bytes(cairnAllocatedBytesPerOp), bytes(directAllocatedBytesPerOp));
  }

  private static String bytes(Double perOp) {
    return perOp == null ? "-" : Long.toString(Math.round(perOp));
  }
}
