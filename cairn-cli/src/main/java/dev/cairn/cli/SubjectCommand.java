package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn subject}: groups the commands that read and write subjects (KRules' entities with properties). */
@Command(
    name = "subject",
    mixinStandardHelpOptions = true,
    description = "Read and write subjects in KRules' Redis layout (hash s:<prefix><name>, JSON values).",
    subcommands = {SubjectGetCommand.class, SubjectSetCommand.class, SubjectDelCommand.class})
final class SubjectCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
