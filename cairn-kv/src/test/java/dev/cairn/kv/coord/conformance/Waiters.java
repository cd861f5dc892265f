package dev.cairn.kv.coord.conformance;

import dev.cairn.kv.conformance.KeyValueFixture;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts a wait (a lock acquisition, a queue take) on a thread of its own and returns once that thread sleeps
 * waiting for a wake-up, so a test can be sure that what it does next reaches the waiter through the wake-up
 * channel and not through the waiter's next look at the store. White-box on purpose: the sleep is recognised by
 * its frame, {@code Signal.awaitAfter}, which every waiting primitive of {@code dev.cairn.kv.coord} sleeps in.
 */
final class Waiters {
  private static final String SIGNAL_CLASS = "dev.cairn.kv.coord.Signal";
  private static final String SLEEP_METHOD = "awaitAfter";
  private static final long TIMEOUT_SECONDS = 30;

  private Waiters() {}

  /**
   * Runs {@code wait} on a new virtual thread, interrupted after the test, and returns once it sleeps for a wake-up.
   *
   * @return what {@code wait} returns or throws
   */
  static <T> CompletableFuture<T> sleepingForWakeUp(KeyValueFixture test, Supplier<T> wait)
      throws InterruptedException {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        result.complete(wait.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    test.closeAfterTest(waiter::interrupt);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!sleepingForWakeUp(waiter)) {
      if (!waiter.isAlive()) {
        throw new AssertionError("the waiter finished without waiting for a wake-up: " + result);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the waiter did not sleep in " + SIGNAL_CLASS + "." + SLEEP_METHOD + " within "
            + TIMEOUT_SECONDS + " s; its stack: " + Arrays.toString(waiter.getStackTrace()));
      }
      Thread.sleep(1);
    }
    return result;
  }

  private static boolean sleepingForWakeUp(Thread waiter) {
    return waiter.getState() == Thread.State.TIMED_WAITING && Arrays.stream(waiter.getStackTrace())
        .anyMatch(frame -> frame.getClassName().equals(SIGNAL_CLASS) && frame.getMethodName().equals(SLEEP_METHOD));
  }
}
