package dev.cairn.cli;

import dev.cairn.core.CairnException;
import dev.cairn.core.SecretMask;
import dev.cairn.core.Status;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line {@code cairn: <message>} on standard error and an exit code: usage errors give
 * {@link ExitCodes#USAGE}, a Cairn failure the code of its {@link Status} ({@link ExitCodes#of}), anything else
 * (a bug) {@link ExitCodes#FAILURE}. The
 * stack trace is printed only with {@code --verbose}, and every printed text passes through {@link SecretMask}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final String PREFIX = "cairn: ";
  private final PrintStream err;

  ErrorReporter(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String help = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
    err.println(PREFIX + printable(SecretMask.mask(describe(ex))) + " (" + help + ")");
    if (ex.getCause() != null && isVerbose(command)) {
      printStackTrace(ex.getCause());
    }
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult fullParseResult) {
    boolean verbose = Verbosity.isVerbose(fullParseResult);
    if (ex instanceof CairnException failure) {
      err.println(PREFIX + printable(SecretMask.mask(firstLine(failure.getMessage()))) + " [" + failure.code() + "]");
    } else {
      // Not a Cairn failure, so a bug somewhere: name the exception type so it can be reported.
      err.println(PREFIX + "unexpected " + ex.getClass().getName() + ": "
          + printable(SecretMask.mask(firstLine(ex.getMessage())))
          + (verbose ? "" : " (run with --verbose for the stack trace)"));
    }
    if (verbose) {
      printStackTrace(ex);
    }
    if (ex instanceof CairnException failure) {
      // OK is no failure: a bug threw it, so it counts as one.
      return failure.status() == Status.OK ? ExitCodes.FAILURE : ExitCodes.of(failure.status());
    }
    return ExitCodes.FAILURE;
  }

  private static String describe(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched && unknownCommand(unmatched) != null) {
      String name = unknownCommand(unmatched);
      List<String> suggestions = unmatched.getSuggestions();
      return "unknown command '" + name + "' for '" + ex.getCommandLine().getCommandSpec().qualifiedName() + "'"
          + (suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.getFirst() + "'?");
    }
    return firstLine(ex.getMessage());
  }

  /** The word the user typed where a subcommand was expected, or null when the unmatched input is not that. */
  private static String unknownCommand(UnmatchedArgumentException unmatched) {
    CommandLine command = unmatched.getCommandLine();
    List<String> words = unmatched.getUnmatched();
    boolean expectsSubcommand = !command.getSubcommands().isEmpty()
        && command.getCommandSpec().positionalParameters().isEmpty();
    if (!expectsSubcommand || words.isEmpty() || words.getFirst().startsWith("-")) {
      return null;
    }
    return words.getFirst();
  }

  private static boolean isVerbose(CommandLine command) {
    // After a failed parse only some commands have a (partial) result; --verbose may sit on any of them.
    for (CommandLine level = command; level != null; level = level.getParent()) {
      ParseResult result = level.getParseResult();
      if (result != null && Verbosity.isVerbose(result)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Control characters escaped as {@code \\u001b} and the like: messages can quote names from a shared database or
   * server, and a hostile name must not move the cursor or recolour the terminal of whoever reads the error.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  private void printStackTrace(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    err.print(SecretMask.mask(trace.toString()));
  }
}
