package dev.cairn.bench.internal;

import dev.cairn.bench.BenchProgress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Progress of a step that lasts a fixed time rather than a fixed number of operations: the waiting thread tells the
 * bar how much of the time has passed, so the workers' timed loops report nothing.
 */
public final class TimedSteps {
  private static final long POLL_MILLIS = 100;

  private TimedSteps() {}

  /**
   * Waits for every one of {@code workers}, which stop by themselves about {@code nanos} after {@code startNanos}
   * ({@link System#nanoTime()}), telling {@code bar} the time passed about every 100 ms.
   *
   * @throws ExecutionException the first worker's failure, as {@link Future#get()} reports it
   */
  public static void await(List<? extends Future<?>> workers, long startNanos, long nanos, BenchProgress bar)
      throws InterruptedException, ExecutionException {
    for (Future<?> worker : workers) {
      while (true) {
        try {
          worker.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException stillRunning) {
          bar.update(Math.min(nanos, System.nanoTime() - startNanos), nanos);
        }
      }
    }
    bar.update(nanos, nanos);
  }
}
