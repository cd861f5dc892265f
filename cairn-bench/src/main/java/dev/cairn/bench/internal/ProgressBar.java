package dev.cairn.bench.internal;

import dev.cairn.bench.ProgressLine;
import java.io.PrintStream;

/**
 * A benchmark's progress bar on a terminal when run on its own (the command line has its own, with the same
 * {@link ProgressLine}): {@code cairn get_by_id round 1/3 [#####.....] 50%}, redrawn only when the percentage
 * changes and wiped by {@link #clear()}. Not thread-safe.
 */
public final class ProgressBar implements dev.cairn.bench.BenchProgress, Progress {
  private final ProgressLine line;
  private String label = "";
  private int shownPercent = -1;

  public ProgressBar(PrintStream terminal) {
    this.line = new ProgressLine(terminal);
  }

  /** Whether the process runs on a terminal ({@link ProgressLine#onTerminal()}). */
  public static boolean onTerminal() {
    return ProgressLine.onTerminal();
  }

  @Override
  public void step(String newLabel) {
    label = newLabel;
    shownPercent = -1;
    update(0, 1);
  }

  @Override
  public void update(long done, long total) {
    int percent = ProgressLine.percent(done, total);
    if (percent != shownPercent) {
      shownPercent = percent;
      line.draw(label + " " + ProgressLine.bar(done, total) + " " + percent + "%");
    }
  }

  /** Wipes the bar so the next output starts on a clean line. */
  @Override
  public void clear() {
    line.clear();
  }
}
