package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn bench}: groups the workloads that measure Cairn against its peers. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure Cairn side by side with its peers; one line per phase with ops/s, progress on stderr.",
    subcommands = {
      SqlBenchCommand.class, KvBenchCommand.class, SubjectBenchCommand.class, HttpBenchCommand.class,
      FaultsBenchCommand.class, VectorBenchCommand.class
    })
final class BenchCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw UsageErrors.missingSubcommand(spec);
  }
}
