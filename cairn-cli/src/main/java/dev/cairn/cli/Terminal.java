package dev.cairn.cli;

import dev.cairn.bench.ProgressLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where commands write: results to {@code out}, progress and errors to {@code err}. Tests pass in-memory streams;
 * {@link CairnCli#run(String[])} passes the process streams.
 *
 * @param out standard output, never null
 * @param err standard error, never null
 * @param interactive whether standard error is a terminal, where {@link Progress} redraws a bar in place
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive) {
  public Terminal {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** Streams that are not a terminal (files, pipes, tests). */
  public Terminal(PrintStream out, PrintStream err) {
    this(out, err, false);
  }

  /**
   * The process's standard streams, writing UTF-8 whatever the locale says (under {@code LANG=C} the JVM's own
   * streams would print '?' for every non-ASCII character). Unbuffered below the auto-flushing print stream, so
   * lines of the logging library (on {@code System.err}) and of commands keep their order.
   */
  public static Terminal system() {
    return new Terminal(utf8(FileDescriptor.out), utf8(FileDescriptor.err), ProgressLine.onTerminal());
  }

  private static PrintStream utf8(FileDescriptor descriptor) {
    return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
  }

  /** The terminal of the command line that {@code spec} belongs to; the root command holds it. */
  static Terminal of(CommandSpec spec) {
    return ((CairnCommand) spec.root().userObject()).terminal();
  }
}
