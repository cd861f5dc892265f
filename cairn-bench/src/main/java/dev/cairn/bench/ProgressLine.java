package dev.cairn.bench;

import java.io.Console;
import java.io.PrintStream;

/**
 * One line on a terminal redrawn in place with {@code \r} and wiped by {@link #clear()}: the drawing behind every
 * progress bar of Cairn, the benchmarks' own ({@code cairn get_by_id round 1/3 [#####.....] 50%}) and the command
 * line's ({@code migrate [#########.........] 3/7 V3__add_index.sql}). Callers redraw only when what they show
 * changes, so drawing costs nothing measurable inside timed loops. Not thread-safe.
 */
public final class ProgressLine {
  private static final int WIDTH = 30;

  private final PrintStream terminal;
  private int drawnLength;

  /** @param terminal where the line is drawn: a terminal's stream (elsewhere {@code \r} leaves half lines) */
  public ProgressLine(PrintStream terminal) {
    this.terminal = terminal;
  }

  /**
   * Whether the process runs on a terminal, where a line redrawn with {@code \r} reads well (and a log file would
   * fill with half lines). JDK 21 gives a {@link Console} only on a terminal; from JDK 22 on it may give one for
   * redirected streams too and says which through {@code isTerminal()}, called reflectively as the build targets
   * 21; a failure of that call counts as no terminal.
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
      return false;
    }
  }

  /** {@code done} of {@code total} as a whole percent from 0 to 100. */
  public static int percent(long done, long total) {
    return (int) Math.min(100, done * 100 / Math.max(1, total));
  }

  /** {@code done} of {@code total} as a bar of 30 cells, {@code [###...]}. */
  public static String bar(long done, long total) {
    int filled = (int) Math.min(WIDTH, done * WIDTH / Math.max(1, total));
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
  }

  /** Replaces the line on screen with {@code line}. */
  public void draw(String line) {
    // Pad over the previous line's tail: a shorter line would otherwise leave its end on screen.
    terminal.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    terminal.flush();
    drawnLength = line.length();
  }

  /** Wipes the line so the next output starts on a clean line; nothing when none is drawn. */
  public void clear() {
    if (drawnLength > 0) {
      terminal.print("\r" + " ".repeat(drawnLength) + "\r");
      terminal.flush();
      drawnLength = 0;
    }
  }
}
