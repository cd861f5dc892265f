package dev.cairn.cli;

import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command {@code cairn}: global options and the list of top-level commands. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cairn: one storage layer for Java services (SQL and key-value, embedded or on servers).",
    subcommands = {
      DbCommand.class, MigrateCommand.class, KvCommand.class, SubjectCommand.class, VectorCommand.class, BenchCommand.class,
      ServeCommand.class
    },
    footer = {"", "Exit codes: 0 ok, 2 bad usage or invalid input, 3 failure while running."})
final class CairnCommand implements Runnable {
  private final Terminal terminal;

  @Spec
  private CommandSpec spec;

  // Inherited, so `cairn bench sql --verbose` works as well as `cairn --verbose bench sql`; the value is read
  // from the parse result (see Verbosity), not from this field, because each subcommand gets its own copy.
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log at INFO (Cairn at DEBUG) and print stack traces of errors.")
  private boolean verbose;

  CairnCommand(Terminal terminal) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
  }

  Terminal terminal() {
    return terminal;
  }

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
