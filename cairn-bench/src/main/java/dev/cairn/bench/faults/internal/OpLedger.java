package dev.cairn.bench.faults.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients of a fault scenario were told about each write, by its unique id, and how long the longest call
 * took; {@link #tally} compares it with what is present afterwards. Thread-safe: many client threads record at once.
 */
public final class OpLedger {
  /**
   * Failure codes that say the outcome is unknown (the write may or may not have taken effect), as opposed to a
   * definite failure, after which the write must be absent.
   */
  public static final Set<String> OUTCOME_UNKNOWN_CODES = Set.of("COMMIT_OUTCOME_UNKNOWN", "KV_OUTCOME_UNKNOWN");

  /** What a client was told about one write. */
  public enum Outcome {
    /** Succeeded: must be present exactly once. */
    ACKED,
    /** Failed with a definite-failure code: must be absent. */
    FAILED,
    /** In flight when the fault hit, or failed with an outcome-unknown code: present at most once. */
    UNKNOWN,
    /** The work itself chose to roll back: must be absent. */
    ABORTED
  }

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong maxWaitNanos = new AtomicLong();

  /** {@link Outcome#UNKNOWN} for an outcome-unknown code, else {@link Outcome#FAILED}. */
  public static Outcome ofFailureCode(String code) {
    return OUTCOME_UNKNOWN_CODES.contains(code) ? Outcome.UNKNOWN : Outcome.FAILED;
  }

  /** Records that {@code op} was started (its outcome unknown until {@link #finish}); returns the start time. */
  public long start(String op) {
    attempts.incrementAndGet();
    outcomes.put(op, Outcome.UNKNOWN);
    return System.nanoTime();
  }

  /** Records the outcome of {@code op} and the time the call took since {@code startNanos}. */
  public void finish(String op, Outcome outcome, long startNanos) {
    outcomes.put(op, outcome);
    waited(System.nanoTime() - startNanos);
  }

  /** Records the outcome of {@code op} without timing it (the caller timed each of its calls with {@link #waited}). */
  public void settle(String op, Outcome outcome) {
    outcomes.put(op, outcome);
  }

  /** Records the outcome of {@code op} as reported by another process, which timed the call itself. */
  public void finishReported(String op, Outcome outcome, long waitedMillis) {
    outcomes.put(op, outcome);
    waited(waitedMillis * 1_000_000);
  }

  /** Counts one call's duration towards the longest wait. */
  public void waited(long nanos) {
    maxWaitNanos.accumulateAndGet(nanos, Math::max);
  }

  public long attempts() {
    return attempts.get();
  }

  public long maxWaitMillis() {
    return maxWaitNanos.get() / 1_000_000;
  }

  /** How many writes have {@code outcome} so far. */
  public long count(Outcome outcome) {
    return outcomes.values().stream().filter(outcome::equals).count();
  }

  /**
   * Compares the outcomes with {@code present}: each write id found afterwards and how many copies of it. An id
   * present but never started counts as outcome-unknown (only its copies are checked).
   */
  public Tally tally(Map<String, Integer> present) {
    long acked = 0;
    long lost = 0;
    long duplicated = 0;
    long falseFailures = 0;
    long abortedPresent = 0;
    for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
      int copies = present.getOrDefault(entry.getKey(), 0);
      switch (entry.getValue()) {
        case ACKED -> {
          acked++;
          lost += copies == 0 ? 1 : 0;
        }
        case FAILED -> falseFailures += copies > 0 ? 1 : 0;
        case ABORTED -> abortedPresent += copies > 0 ? 1 : 0;
        case UNKNOWN -> { }
      }
      duplicated += copies > 1 ? 1 : 0;
    }
    for (Map.Entry<String, Integer> entry : present.entrySet()) {
      if (!outcomes.containsKey(entry.getKey()) && entry.getValue() > 1) {
        duplicated++;
      }
    }
    return new Tally(attempts.get(), acked, lost, duplicated + abortedPresent, falseFailures, abortedPresent,
        count(Outcome.UNKNOWN), count(Outcome.FAILED), maxWaitMillis());
  }

  /**
   * The figures of one comparison.
   *
   * @param duplicated writes present more than once plus writes aborted on purpose but present
   * @param abortedPresent writes the work rolled back on purpose that are present all the same
   * @param unknown writes whose outcome the client could not know
   * @param failed writes reported as definite failures
   */
  public record Tally(long attempts, long acked, long lost, long duplicated, long falseFailures, long abortedPresent,
      long unknown, long failed, long maxWaitMs) {}
}
