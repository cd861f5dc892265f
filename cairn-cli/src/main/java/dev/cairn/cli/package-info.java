/**
 * The {@code cairn} command line (picocli). Each command is one small class; a new command is added by writing
 * its class and listing it in the {@code subcommands} of its parent ({@link dev.cairn.cli.CairnCommand}
 * for top-level commands). Errors are reported by {@link dev.cairn.cli.ErrorReporter} as one line on
 * standard error with the exit codes of {@link dev.cairn.cli.ExitCodes}.
 */
package dev.cairn.cli;
