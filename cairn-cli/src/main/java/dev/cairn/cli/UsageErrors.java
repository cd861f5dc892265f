package dev.cairn.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Builds the usage errors that commands raise themselves (picocli raises the parsing ones). */
final class UsageErrors {
  private UsageErrors() {}

  /** For a command that only groups subcommands and was called without one. */
  static ParameterException missingSubcommand(CommandSpec spec) {
    String choices = String.join(", ", spec.subcommands().keySet());
    return new ParameterException(
        spec.commandLine(), "missing command after '" + spec.qualifiedName() + "' (one of: " + choices + ")");
  }

  /** For an argument that parsed but is not acceptable; {@code cause} is kept for --verbose. */
  static ParameterException invalidArgument(CommandSpec spec, String message, Throwable cause) {
    return new ParameterException(spec.commandLine(), message, cause);
  }
}
