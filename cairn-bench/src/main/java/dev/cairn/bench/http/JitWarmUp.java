package dev.cairn.bench.http;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Warm-up that ends when the JIT compiler is done rather than after a fixed time. The admin API's path (Jetty,
 * Javalin, Jackson, the query) is a lot of code, and on 2 cores under load the compiler gets little CPU: after a
 * fixed 15 s of load it still compiled about one second per second through the measured window, and the line
 * measured the compiler as much as the server.
 */
final class JitWarmUp {
  /** Load is run in steps of this length, and the compiler's share is judged per step. */
  static final Duration STEP = Duration.ofSeconds(2);
  /** The compiler counts as quiet once it spent less than this share of a step's wall time compiling. */
  static final double QUIET_SHARE = 0.05;

  private JitWarmUp() {}

  /**
   * Runs {@code load} for steps of {@link #STEP} (shorter when {@code max} is shorter) until a step in which the JIT
   * compiled for less than {@link #QUIET_SHARE} of its time, or until {@code max} has passed; at least one step.
   * Where the JVM does not report compilation time, runs for {@code max}.
   */
  static void until(Duration max, Consumer<Duration> load) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Duration step = Duration.ofNanos(Math.max(1, Math.min(STEP.toNanos(), left)));
      long compiledBefore = measurable ? jit.getTotalCompilationTime() : 0;
      long start = System.nanoTime();
      load.accept(step);
      long wallMillis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
      if (System.nanoTime() >= deadline) {
        return;
      }
      if (measurable && (jit.getTotalCompilationTime() - compiledBefore) < QUIET_SHARE * wallMillis) {
        return;
      }
    }
  }
}
