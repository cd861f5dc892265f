package dev.cairn.bench.internal;

/**
 * One measured phase of the workload. A phase runs the same operations in the same order on either side, so the
 * two timings compare like for like, and returns a checksum of what it read or wrote so the runner can prove
 * both sides did the same work.
 */
public interface Phase {

  /** The name printed after {@code sql.}. */
  String name();

  /** How many operations {@link #run} performs: the numerator of ops/s. */
  int operations();

  /**
   * Brings {@code store} into the state {@link #run} starts from, untimed, right before it; nothing by default.
   * For what a client holds before its timed requests (a keyset position from an earlier page).
   */
  default void prepare(UserStore store) {}

  /**
   * Runs the phase. The timed region is the whole call, so implementations prepare their inputs in the
   * constructor.
   *
   * @param store the side to run on, with its table in the state the previous phase left
   * @param ids the table's ids in insertion order (empty before {@code bulk_insert})
   * @param progress told how many operations are done, now and then
   * @return a checksum that is equal on both sides when they did the same work
   */
  long run(UserStore store, long[] ids, Progress progress);
}
