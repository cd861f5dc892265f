package dev.cairn.bench.vector;

import dev.cairn.bench.BenchProgress;

/**
 * How far one side's build is, told to the bar: an update about once per percent of the vectors, a milestone (a
 * line of its own off a terminal) at each tenth, since a build of 100,000 vectors can take minutes. Sides that
 * load in batches report after each batch, so a batch larger than a tenth shows as one advance.
 */
final class BuildProgress {
  /** Tells nothing. */
  static final BuildProgress NONE = new BuildProgress(BenchProgress.NONE, 1);

  private final BenchProgress bar;
  private final long total;
  private final long stride;
  private final long tenth;
  private long nextUpdate;
  private long nextMilestone;

  BuildProgress(BenchProgress bar, long total) {
    this.bar = bar;
    this.total = total;
    this.stride = Math.max(1, total / 100);
    this.tenth = Math.max(1, total / 10);
    this.nextUpdate = stride;
    this.nextMilestone = tenth;
  }

  /** The first {@code done} vectors are loaded. Cheap unless a percent or a tenth is crossed. */
  void loaded(long done) {
    if (done >= nextMilestone || done == total) {
      bar.milestone(done, total);
      nextMilestone = (done / tenth + 1) * tenth;
      nextUpdate = done + stride;
    } else if (done >= nextUpdate) {
      bar.update(done, total);
      nextUpdate = done + stride;
    }
  }
}
