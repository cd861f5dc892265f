package dev.cairn.cli;

import dev.cairn.sql.migrate.GeneratedMigration;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn migrate generate -m MSG}: writes the next migration and its undo script from the difference between
 * the record models (the compile-time table index on the class path) and the live schema.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    // Picocli writes a short option's value as -m=MSG, which no one types; the usual form is -m MSG.
    customSynopsis = "cairn migrate generate -m MSG [-hvV] [--allow-destructive] [--json] [--database=NAME]"
        + " [--db=URL] [--dir=DIR]",
    description = {
      "Write the next V{n}__{slug}.sql and its U{n} undo script from the record models.",
      "The record models on the class path are diffed against the live schema. Nothing is written when they",
      "match; destructive steps need --allow-destructive."
    })
final class MigrateGenerateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-m", "--message"}, paramLabel = "MSG", required = true, description = "What the change does.")
  private String message;

  @Option(names = "--allow-destructive", description = "Allow steps that lose data (dropped columns).")
  private boolean allowDestructive;

  @Mixin
  private MigrationOptions options;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (MigrationOptions.OpenMigrations opened = options.open(spec, false)) {
      GeneratedMigration generated = opened.migrations().generate(message, allowDestructive).orElseThrow();
      print(Terminal.of(spec).out(), generated);
      return ExitCodes.OK;
    }
  }

  private void print(PrintStream out, GeneratedMigration generated) {
    if (format.json()) {
      OutputFormat.printJson(out, generated);
      return;
    }
    out.println(generated.message());
    generated.changes().forEach(change -> out.println("  " + change));
    if (generated.written()) {
      out.println("wrote " + generated.script());
      out.println("wrote " + generated.undoScript());
    }
  }
}
