package dev.cairn.cli;

import picocli.CommandLine.ParseResult;

/** Whether {@code --verbose} was given anywhere on the command line (it is inherited by every subcommand). */
final class Verbosity {
  static final String OPTION = "--verbose";

  private Verbosity() {}

  static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(OPTION)) {
        return true;
      }
    }
    return false;
  }
}
