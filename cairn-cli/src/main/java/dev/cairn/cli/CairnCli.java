package dev.cairn.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.RunLast;

/**
 * Runs the {@code cairn} command line. Each call builds its own command tree, so calls are independent, except
 * that log levels (set from {@code --verbose}) are process-wide.
 */
public final class CairnCli {
  private CairnCli() {}

  /** Runs with the process's standard streams and returns the exit code (see {@link ExitCodes}). */
  public static int run(String[] args) {
    return run(args, Terminal.system());
  }

  /**
   * Runs {@code args} writing to {@code terminal}; never throws for bad input or failing commands, which are
   * reported on {@code terminal.err()} as one line.
   *
   * @return the exit code (see {@link ExitCodes}), or a command's own code
   */
  public static int run(String[] args, Terminal terminal) {
    String undecodable = UndecodableArguments.check(args);
    if (undecodable != null) {
      terminal.err().println("cairn: " + undecodable);
      terminal.err().flush();
      return ExitCodes.USAGE;
    }
    return configure(new CommandLine(new CairnCommand(terminal)), terminal).execute(args);
  }

  /**
   * Installs the streams, error reporting and logging set-up on a command tree rooted at a {@link CairnCommand};
   * separate from {@link #run} so tests can add commands to the tree first (settings reach existing subcommands).
   */
  static CommandLine configure(CommandLine commandLine, Terminal terminal) {
    ErrorReporter reporter = new ErrorReporter(terminal.err());
    commandLine.setOut(writer(terminal.out()));
    commandLine.setErr(writer(terminal.err()));
    commandLine.setParameterExceptionHandler(reporter);
    commandLine.setExecutionExceptionHandler(reporter);
    commandLine.setExecutionStrategy(parseResult -> {
      Logging.configure(Verbosity.isVerbose(parseResult));
      return new RunLast().execute(parseResult);
    });
    return commandLine;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
  }
}
