package dev.cairn.bench.internal;

import java.io.Console;
import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal: {@code cairn get_by_id round 1/3 [#####.....] 50%}, redrawn in place
 * with {@code \r} only when the percentage changes (so it costs nothing measurable inside timed loops) and wiped
 * by {@link #clear()}. Not thread-safe.
 */
public final class ProgressBar implements dev.cairn.bench.BenchProgress, Progress {
  private static final int WIDTH = 30;

  private final PrintStream terminal;
  private String label = "";
  private int shownPercent = -1;
  private int drawnLength;

  public ProgressBar(PrintStream terminal) {
    this.terminal = terminal;
  }

  /**
   * Whether the process runs on a terminal, where a bar redrawn with {@code \r} reads well (and a log file would
   * fill with half lines). JDK 21 gives a {@link Console} only on a terminal; from JDK 22 on it may give one for
   * redirected streams too and says which through {@code isTerminal()}, called reflectively as the build targets 21.
   */
  public static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot ask the console whether it is a terminal", e);
    }
  }

  @Override
  public void step(String newLabel) {
    label = newLabel;
    shownPercent = -1;
    update(0, 1);
  }

  @Override
  public void update(long done, long total) {
    int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
    if (percent == shownPercent) {
      return;
    }
    shownPercent = percent;
    int filled = percent * WIDTH / 100;
    String line = label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "%";
    // Pad over the previous line's tail: a shorter label would otherwise leave its end on screen.
    terminal.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    terminal.flush();
    drawnLength = line.length();
  }

  /** Wipes the bar so the next output starts on a clean line. */
  @Override
  public void clear() {
    if (drawnLength > 0) {
      terminal.print("\r" + " ".repeat(drawnLength) + "\r");
      terminal.flush();
      drawnLength = 0;
    }
  }
}
