package dev.cairn.cli;

/** Process exit codes of the {@code cairn} command; scripts may rely on them. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** Bad usage: unknown command or option, malformed or out-of-range argument, invalid input. */
  public static final int USAGE = 2;
  /** The command was well formed but failed while running: a service unavailable, a conflict, a bug. */
  public static final int FAILURE = 3;

  private ExitCodes() {}
}
