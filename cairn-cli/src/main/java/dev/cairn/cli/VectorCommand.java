package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn vector}: groups the commands that read and write a vector store. */
@Command(
    name = "vector",
    mixinStandardHelpOptions = true,
    description = "List collections, upsert, search and delete vectors (embedded store or PostgreSQL + pgvector).",
    subcommands = {VectorCollectionsCommand.class, VectorUpsertCommand.class, VectorSearchCommand.class,
      VectorDeleteCommand.class})
final class VectorCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
