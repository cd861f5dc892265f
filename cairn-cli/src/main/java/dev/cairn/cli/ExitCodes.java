package dev.cairn.cli;

import dev.cairn.core.Status;

/**
 * Process exit codes of the {@code cairn} command, one table for every command; scripts may rely on them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>{@link #OK}</td><td>the command did what was asked</td></tr>
 *   <tr><td>1</td><td>{@link #NOT_FOUND}</td><td>what was asked for does not exist (NOT_FOUND)</td></tr>
 *   <tr><td>2</td><td>{@link #USAGE}</td><td>bad usage or invalid input (INVALID)</td></tr>
 *   <tr><td>3</td><td>{@link #FAILURE}</td><td>failure while running (UNAVAILABLE, ERROR)</td></tr>
 *   <tr><td>4</td><td>{@link #CONFLICT}</td><td>a conflict (DUPLICATE, CONFLICT)</td></tr>
 * </table>
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** What was asked for (row, key, table, subject, collection, SQLite file) does not exist. */
  public static final int NOT_FOUND = 1;
  /** Bad usage: unknown command or option, malformed or out-of-range argument, invalid input, refused identifier. */
  public static final int USAGE = 2;
  /** The command was well formed but failed while running: a server unreachable, I/O, a timeout, a bug. */
  public static final int FAILURE = 3;
  /** A conflict: a duplicate key, a lock held by someone else, a version mismatch. */
  public static final int CONFLICT = 4;

  private ExitCodes() {}

  /** The exit code of a command that failed with {@code status}: the one place that maps them. */
  public static int of(Status status) {
    return switch (status) {
      case OK -> OK;
      case NOT_FOUND -> NOT_FOUND;
      case INVALID -> USAGE;
      case DUPLICATE, CONFLICT -> CONFLICT;
      case UNAVAILABLE, ERROR -> FAILURE;
    };
  }
}
