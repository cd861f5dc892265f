package dev.cairn.cli;

import java.io.PrintStream;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where commands write: results to {@code out}, progress and errors to {@code err}. Tests pass in-memory streams;
 * {@link CairnCli#run(String[])} passes the process streams.
 *
 * @param out standard output, never null
 * @param err standard error, never null
 */
public record Terminal(PrintStream out, PrintStream err) {
  public Terminal {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The process's standard streams. */
  public static Terminal system() {
    return new Terminal(System.out, System.err);
  }

  /** The terminal of the command line that {@code spec} belongs to; the root command holds it. */
  static Terminal of(CommandSpec spec) {
    return ((CairnCommand) spec.root().userObject()).terminal();
  }
}
