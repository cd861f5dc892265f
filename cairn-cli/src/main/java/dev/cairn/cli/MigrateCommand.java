package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn migrate}: groups the commands over one named database's versioned schema (Flyway + Cairn). */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Versioned schema changes of the --db database (or a named one beside it): status, run, generate, "
        + "downgrade.",
    subcommands = {
      MigrateStatusCommand.class, MigrateRunCommand.class, MigrateGenerateCommand.class, MigrateDowngradeCommand.class
    })
final class MigrateCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
