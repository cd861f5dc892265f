package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.ProgressLine;
import java.io.PrintStream;

/**
 * Progress of long work on standard error, so that {@code --json} output on standard output stays clean. On a
 * terminal one line is redrawn in place with {@code \r} ({@code migrate [#########.........] 3/7 V3__add_index.sql},
 * {@code bench sql: cairn get_by_id round 1/3 [#####.....] 50%}), only when what it shows changes, and wiped by
 * {@link #clear()} before the next output. Elsewhere (a file, a pipe, a CI log) each step is one plain line
 * ({@code migrate: 3/7 V3__add_index.sql}, {@code bench sql: cairn get_by_id round 1/3}) and advances within a step
 * print nothing, since half lines would fill a log; only a {@link #milestone} within a long step gets a line of its own
 * ({@code bench vector: cairn build 10000/100000}). The bench's {@link ProgressLine} draws. Not thread-safe: one
 * worker reports at a time.
 */
final class Progress implements BenchProgress {
  private final PrintStream err;
  private final boolean inPlace;
  private final String name;
  private final ProgressLine line;
  private String label = "";
  private int shownPercent = -1;

  private Progress(PrintStream err, boolean inPlace, String name) {
    this.err = err;
    this.inPlace = inPlace;
    this.name = name;
    this.line = new ProgressLine(err);
  }

  /** Progress named {@code name} ({@code migrate}, {@code bench sql}) on {@code terminal}'s error stream. */
  static Progress on(Terminal terminal, String name) {
    return new Progress(terminal.err(), terminal.interactive(), name);
  }

  /** Step {@code step} of {@code total} starts, a whole unit of work such as one migration script. */
  void count(int step, int total, String what) {
    if (inPlace) {
      line.draw(name + " " + ProgressLine.bar(step - 1, total) + " " + step + "/" + total + " " + what);
    } else {
      err.println(name + ": " + step + "/" + total + " " + what);
    }
  }

  @Override
  public void step(String newLabel) {
    label = newLabel;
    shownPercent = -1;
    if (inPlace) {
      update(0, 1);
    } else {
      err.println(name + ": " + newLabel);
    }
  }

  @Override
  public void update(long done, long total) {
    if (!inPlace) {
      return;
    }
    int percent = ProgressLine.percent(done, total);
    if (percent != shownPercent) {
      shownPercent = percent;
      line.draw(name + ": " + label + " " + ProgressLine.bar(done, total) + " " + percent + "%");
    }
  }

  @Override
  public void milestone(long done, long total) {
    if (inPlace) {
      update(done, total);
    } else {
      err.println(name + ": " + label + " " + done + "/" + total);
    }
  }

  @Override
  public void clear() {
    line.clear();
  }
}
