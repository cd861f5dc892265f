package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn kv}: groups the commands that read and write a key-value store. */
@Command(
    name = "kv",
    mixinStandardHelpOptions = true,
    description = "Read and write a key-value store (Redis or memory:).",
    subcommands = {KvGetCommand.class, KvSetCommand.class, KvDelCommand.class, KvKeysCommand.class})
final class KvCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
