package dev.cairn.subject.internal.redis;

import dev.cairn.core.CairnException;
import java.util.concurrent.ThreadLocalRandom;

/** Full-jitter exponential backoff between optimistic retries, so contenders spread out instead of colliding. */
final class Backoff {
  private static final long BASE_MICROS = 200;
  private static final long CAP_MICROS = 20_000;

  private Backoff() {}

  /** Sleeps a random time below {@code min(cap, base * 2^attempt)}; restores the interrupt flag if interrupted. */
  static void pause(int attempt) {
    long ceiling = Math.min(CAP_MICROS, BASE_MICROS << Math.min(attempt, 16));
    long micros = ThreadLocalRandom.current().nextLong(ceiling + 1);
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException("INTERRUPTED", "interrupted while waiting to retry a subject write", e);
    }
  }
}
