package dev.cairn.bench.internal;

/** Receives how far the current step is. Implementations must be cheap: phases call them inside timed loops. */
public interface Progress {
  /** Shows nothing. */
  Progress NONE = (done, total) -> {};

  /** {@code done} of {@code total} operations of the current step are finished. */
  void update(long done, long total);

  /** How often a loop of {@code total} operations reports: about once per percent. */
  static int stride(int total) {
    return Math.max(1, total / 100);
  }
}
