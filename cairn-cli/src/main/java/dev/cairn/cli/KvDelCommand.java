package dev.cairn.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn kv del KEY...}: removes keys and says how many existed. */
@Command(
    name = "del",
    mixinStandardHelpOptions = true,
    description = "Remove the keys; prints how many existed (0 is not an error).")
final class KvDelCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "KEY", description = "The keys to remove.")
  private List<String> keys;

  @Mixin
  private KeyValueOption store;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (KeyValueOption.OpenStore opened = store.open(spec)) {
      long deleted = opened.view().delete(keys.toArray(String[]::new));
      if (format.json()) {
        OutputFormat.printJson(Terminal.of(spec).out(), Map.of("deleted", deleted));
      } else {
        Terminal.of(spec).out().println("deleted " + deleted);
      }
      return ExitCodes.OK;
    }
  }
}
