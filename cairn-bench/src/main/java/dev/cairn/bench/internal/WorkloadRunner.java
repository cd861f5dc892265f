package dev.cairn.bench.internal;

import dev.cairn.core.CairnException;
import java.util.List;

/**
 * Runs the phases on both sides, interleaved: a short untimed warm-up of each side, then for every round the
 * Cairn side (fresh table, the four phases in order) followed by the JDBC side, and so on. Interleaving spreads
 * slow spells of a shared machine over both sides instead of charging them to one.
 *
 * <p>After each pair of runs the checksums of the two sides are compared, so a side that skipped work or read
 * other rows is caught instead of looking fast.
 */
public final class WorkloadRunner {
  private final UserStore cairn;
  private final UserStore jdbc;
  private final StepListener listener;

  /** Told which step starts, and handed the progress sink for it. */
  public interface StepListener {
    Progress step(String label);
  }

  public WorkloadRunner(UserStore cairn, UserStore jdbc, StepListener listener) {
    this.cairn = cairn;
    this.jdbc = jdbc;
    this.listener = listener;
  }

  /** Warms both sides up, runs {@code rounds} interleaved rounds and returns every timing. */
  public Measurements run(Workload workload, int rounds) {
    List<Phase> warmUp = workload.warmUp().phases();
    runSide(cairn, warmUp, "warm-up", null);
    runSide(jdbc, warmUp, "warm-up", null);
    List<Phase> phases = workload.phases();
    Measurements measurements = new Measurements();
    for (int round = 1; round <= rounds; round++) {
      String label = "round " + round + "/" + rounds;
      long[] cairnSums = runSide(cairn, phases, label, measurements);
      long[] jdbcSums = runSide(jdbc, phases, label, measurements);
      compare(phases, cairnSums, jdbcSums);
    }
    return measurements;
  }

  private long[] runSide(UserStore store, List<Phase> phases, String label, Measurements measurements) {
    store.recreate();
    long[] ids = new long[0];
    long[] checksums = new long[phases.size()];
    for (int p = 0; p < phases.size(); p++) {
      Phase phase = phases.get(p);
      Progress progress = listener.step(store.side() + " " + phase.name() + " " + label);
      long start = System.nanoTime();
      checksums[p] = phase.run(store, ids, progress);
      long elapsed = System.nanoTime() - start;
      if (measurements != null) {
        measurements.add(phase.name(), store.side(), phase.operations(), elapsed);
      }
      if (p == 0) {
        ids = loadedIds(store, phase.operations());
      }
    }
    return checksums;
  }

  private static long[] loadedIds(UserStore store, int expected) {
    long[] ids = store.ids();
    if (ids.length != expected) {
      throw new CairnException("BENCH_ROW_COUNT",
          store.side() + " table holds " + ids.length + " rows after bulk_insert, expected " + expected);
    }
    return ids;
  }

  private static void compare(List<Phase> phases, long[] cairnSums, long[] jdbcSums) {
    for (int p = 0; p < phases.size(); p++) {
      if (cairnSums[p] != jdbcSums[p]) {
        throw new CairnException("BENCH_RESULTS_DIFFER", "cairn and jdbc disagree on " + phases.get(p).name()
            + ": checksum " + cairnSums[p] + " vs " + jdbcSums[p]);
      }
    }
  }
}
