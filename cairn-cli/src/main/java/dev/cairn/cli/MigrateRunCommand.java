package dev.cairn.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn migrate run [--target V]}: applies the pending migrations up to a version. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Apply pending migrations up to --target (default: all); prints the versions applied.")
final class MigrateRunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--target", paramLabel = "V", description = "Last version to apply, or head (default: head, all).")
  private String target;

  @Mixin
  private MigrationOptions options;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (MigrationOptions.OpenMigrations opened = options.open(spec, true)) {
      Terminal.of(spec).err().println("cairn: applying migrations of database " + opened.shown() + " ...");
      Progress progress = Progress.on(Terminal.of(spec), "migrate");
      List<String> applied;
      try {
        applied = opened.migrations().run(target, progress::count).orElseThrow();
      } finally {
        progress.clear();
      }
      if (format.json()) {
        OutputFormat.printJson(Terminal.of(spec).out(), Map.of("database", opened.shown(), "applied", applied));
      } else {
        Terminal.of(spec).out().println(applied.isEmpty()
            ? "nothing to apply; database " + opened.shown() + " is up to date"
            : "applied " + String.join(", ", applied) + " to database " + opened.shown());
      }
      return ExitCodes.OK;
    }
  }
}
