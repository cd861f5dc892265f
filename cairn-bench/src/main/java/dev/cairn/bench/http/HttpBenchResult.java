package dev.cairn.bench.http;

import java.util.Locale;

/**
 * What one run measured; {@link #format()} is the printed line
 * {@code http.page50 req_s=<n> p50_ms=<n> p99_ms=<n> direct_ops_s=<n>}.
 *
 * @param requestsPerSecond HTTP requests answered with 200 per second
 * @param p50Millis median request latency
 * @param p99Millis 99th percentile request latency
 * @param directOpsPerSecond the same page query through the library, per second, at the same concurrency
 * @param loader the load generator that measured the HTTP side ({@code WRK} or {@code JAVA})
 */
public record HttpBenchResult(
    double requestsPerSecond, double p50Millis, double p99Millis, double directOpsPerSecond,
    HttpBenchOptions.Loader loader) {
  public String format() {
    return String.format(Locale.ROOT, "http.page50 req_s=%d p50_ms=%.2f p99_ms=%.2f direct_ops_s=%d",
        Math.round(requestsPerSecond), p50Millis, p99Millis, Math.round(directOpsPerSecond));
  }
}
