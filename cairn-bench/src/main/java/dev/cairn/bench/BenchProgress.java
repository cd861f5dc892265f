package dev.cairn.bench;

/**
 * Where a benchmark says how far it is: each step's start ({@code cairn get_by_id round 1/3}), then how much of the
 * step is done. {@code update} is called inside timed loops, about once per percent: implementations must be cheap
 * and must not block. Called from one thread at a time.
 */
public interface BenchProgress {
  /** Shows nothing. */
  BenchProgress NONE = new BenchProgress() {
    @Override
    public void step(String label) {}

    @Override
    public void update(long done, long total) {}
  };

  /** A step starts. */
  void step(String label);

  /** {@code done} of {@code total} operations of the current step are finished. */
  void update(long done, long total);

  /**
   * A coarse advance within a long step ({@code done} of {@code total}, about every tenth of a build that can take
   * minutes), worth a line of its own where no bar is drawn. By default just an {@link #update}.
   */
  default void milestone(long done, long total) {
    update(done, total);
  }

  /** A result line is about to be printed: wipe whatever is drawn in place. */
  default void clear() {}
}
