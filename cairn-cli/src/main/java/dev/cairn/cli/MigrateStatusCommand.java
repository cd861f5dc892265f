package dev.cairn.cli;

import dev.cairn.sql.migrate.MigrationStatus;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn migrate status}: every migration Flyway knows, with its state and checksum. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "List the migrations (applied, pending, failed) with checksums, and the current version.")
final class MigrateStatusCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private MigrationOptions options;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (MigrationOptions.OpenMigrations opened = options.open(spec, false)) {
      MigrationStatus status = opened.migrations().status().orElseThrow();
      print(Terminal.of(spec).out(), status, opened.shown());
      return ExitCodes.OK;
    }
  }

  private void print(PrintStream out, MigrationStatus status, String database) {
    if (format.json()) {
      OutputFormat.printJson(out, status);
      return;
    }
    TablePrinter printer = new TablePrinter(List.of("version", "description", "state", "checksum", "installed"));
    for (MigrationStatus.Migration migration : status.migrations()) {
      printer.add(Arrays.asList(migration.version(), migration.description(), migration.state(),
          migration.checksum(), migration.installedOn()));
    }
    printer.print(out);
    out.println("(database " + database + ": current version "
        + (status.current() == null ? "none" : status.current()) + "; " + status.applied() + " applied, "
        + status.pending() + " pending, " + status.failed() + " failed)");
  }
}
