package dev.cairn.bench.internal;

import dev.cairn.core.CairnException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;

/**
 * Runs the phases on both sides, interleaved. First untimed warm-up rounds (see {@link #warmUp}), then {@code rounds}
 * rounds; a round recreates both tables and runs each phase on both sides before the next phase. Interleaving per
 * phase keeps the two timings of a phase seconds apart, so the slow spells of a shared machine hit both sides alike
 * instead of one whole side. Odd rounds run the Cairn side first, even rounds the JDBC side: a side that always
 * ran first would always meet what the phase before left running on the server (autovacuum after a bulk insert,
 * a checkpoint), and the second side can be faster whichever it is; so a line reports a pair of rounds, one of
 * each order ({@link Measurements#median}). The default is six rounds: three pairs, so the median sets one odd
 * pair aside (with two, the lower one decided, and Cairn's first round of SQLite get_by_id, before the JIT had
 * compiled its path, ran at 166,687 reads/s against 221,082-231,433 in the others, per CPU second alike).
 *
 * <p>The database is settled before every timed run (untimed), so no run pays for what the one before left
 * behind, and at its end (timed), so every run pays for what it leaves behind: on SQLite, checkpointing the
 * write-ahead log. Without the second, a write path that commits where SQLite skips its automatic checkpoint
 * would look faster while leaving the log to grow. After each phase the checksums of the two sides are compared,
 * so a side that skipped work or read other rows is caught instead of looking fast.
 */
public final class WorkloadRunner {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static final int MIN_WARM_UP_ROUNDS = 2;
  static final int MAX_WARM_UP_ROUNDS = 5;
  /** The compiler counts as quiet once it spent less than this share of a warm-up round's wall time compiling. */
  static final double QUIET_SHARE = 0.05;

  private final List<UserStore> sides;
  private final Runnable settle;
  private final StepListener listener;

  /** Told which step starts, and handed the progress sink for it. */
  public interface StepListener {
    Progress step(String label);

    /** The steps and updates of {@code progress} as a listener. */
    static StepListener of(dev.cairn.bench.BenchProgress progress) {
      return label -> {
        progress.step(label);
        return progress::update;
      };
    }
  }

  /**
   * @param settle brings the database to a quiet state (on SQLite it empties the write-ahead log the two tables
   *     share); run before each timed run, untimed, and at its end, timed
   */
  public WorkloadRunner(UserStore cairn, UserStore jdbc, Runnable settle, StepListener listener) {
    this.sides = List.of(cairn, jdbc);
    this.settle = settle;
    this.listener = listener;
  }

  /** Warms both sides up, runs {@code rounds} interleaved rounds and returns every timing. */
  public Measurements run(Workload workload, int rounds) {
    return run(workload, rounds, Set.of());
  }

  /**
   * As {@link #run(Workload, int)}, with only the phases named in {@code only} and {@code bulk_insert}, warm-up
   * included (see {@link Workload#phases(Set)}; empty means all).
   */
  public Measurements run(Workload workload, int rounds, Set<String> only) {
    warmUp(workload.warmUp().phases(only));
    List<Phase> phases = workload.phases(only);
    Measurements measurements = new Measurements();
    for (int round = 1; round <= rounds; round++) {
      runRound(phases, "round " + round + "/" + rounds, round % 2 == 0, measurements);
    }
    return measurements;
  }

  /**
   * Untimed rounds, the order swapped each time, until the JIT is quiet: at least {@link #MIN_WARM_UP_ROUNDS}, then
   * until a round in which the compiler threads spent less than {@link #QUIET_SHARE} of its wall time compiling,
   * at most {@link #MAX_WARM_UP_ROUNDS}. Why: after the one warm-up round this had, Cairn's first timed round ran
   * its code before the JIT had finished with it. PostgreSQL page_first, four runs: Cairn's first round did
   * 23,115-23,594 pages per CPU second of the thread against 28,378-32,344 in its other rounds, while the JDBC side
   * (little code of its own; the driver both sides share) was at its usual level from the first round. That round's
   * pair was then the lowest of three, so the median reported the lower of the two others.
   */
  private void warmUp(List<Phase> phases) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
      long compiledBefore = measurable ? jit.getTotalCompilationTime() : 0;
      long start = System.nanoTime();
      runRound(phases, "warm-up " + round, round % 2 == 0, null);
      long wallMillis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
      boolean quiet = !measurable || jit.getTotalCompilationTime() - compiledBefore < QUIET_SHARE * wallMillis;
      if (round >= MIN_WARM_UP_ROUNDS && quiet) {
        return;
      }
    }
  }

  /** @param jdbcFirst whether each phase runs on the JDBC side before the Cairn side */
  private void runRound(List<Phase> phases, String label, boolean jdbcFirst, Measurements measurements) {
    long[][] ids = new long[sides.size()][];
    for (int s = 0; s < sides.size(); s++) {
      sides.get(s).recreate();
      ids[s] = new long[0];
    }
    for (int p = 0; p < phases.size(); p++) {
      Phase phase = phases.get(p);
      long[] checksums = new long[sides.size()];
      for (int turn = 0; turn < sides.size(); turn++) {
        int s = jdbcFirst ? sides.size() - 1 - turn : turn;
        UserStore store = sides.get(s);
        phase.prepare(store);
        settle.run();
        Progress progress = listener.step(store.side() + " " + phase.name() + " " + label);
        long allocatedBefore = HeapAllocation.totalBytes();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        checksums[s] = phase.run(store, ids[s], progress);
        // Timed: a side that leaves its writes in SQLite's log for a later checkpoint must not look faster.
        settle.run();
        long elapsed = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long allocatedAfter = HeapAllocation.totalBytes();
        if (measurements != null) {
          measurements.add(phase.name(), store.side(), phase.operations(), elapsed, cpu,
              HeapAllocation.perOperation(allocatedBefore, allocatedAfter, phase.operations()));
        }
        if (p == 0) {
          ids[s] = loadedIds(store, phase.operations());
        }
      }
      compare(phase, checksums);
    }
  }

  private static long[] loadedIds(UserStore store, int expected) {
    long[] ids = store.ids();
    if (ids.length != expected) {
      throw new CairnException("BENCH_ROW_COUNT",
          store.side() + " table holds " + ids.length + " rows after bulk_insert, expected " + expected);
    }
    return ids;
  }

  private void compare(Phase phase, long[] checksums) {
    for (int s = 1; s < checksums.length; s++) {
      if (checksums[s] != checksums[0]) {
        throw new CairnException("BENCH_RESULTS_DIFFER", sides.get(0).side() + " and " + sides.get(s).side()
            + " disagree on " + phase.name() + ": checksum " + checksums[0] + " vs " + checksums[s]);
      }
    }
  }
}
