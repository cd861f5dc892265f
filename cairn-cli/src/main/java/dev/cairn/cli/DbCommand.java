package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn db}: groups the read-only commands that look into a SQL database. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Look into a SQL database: health, tables, a table's schema, a table's rows.",
    subcommands = {DbStatusCommand.class, DbTablesCommand.class, DbSchemaCommand.class, DbRowsCommand.class})
final class DbCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
