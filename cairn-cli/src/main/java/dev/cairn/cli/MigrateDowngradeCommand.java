package dev.cairn.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn migrate downgrade --target V}: applies undo scripts, newest first, down to a version. */
@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = "Undo every applied version above --target with its U{n} script, newest first (0 undoes all).")
final class MigrateDowngradeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--target", paramLabel = "V", required = true, description = "Version to keep; 0 for none.")
  private String target;

  @Mixin
  private MigrationOptions options;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (MigrationOptions.OpenMigrations opened = options.open(spec, false)) {
      Terminal.of(spec).err().println("cairn: undoing migrations of database " + opened.shown() + " above " + target
          + " ...");
      Progress progress = Progress.on(Terminal.of(spec), "downgrade");
      List<String> undone;
      try {
        undone = opened.migrations().downgrade(target, progress::count).orElseThrow();
      } finally {
        progress.clear();
      }
      if (format.json()) {
        OutputFormat.printJson(Terminal.of(spec).out(), Map.of("database", opened.shown(), "undone", undone));
      } else {
        Terminal.of(spec).out().println(undone.isEmpty()
            ? "nothing to undo; database " + opened.shown() + " is at or below " + target
            : "undid " + String.join(", ", undone) + " in database " + opened.shown());
      }
      return ExitCodes.OK;
    }
  }
}
