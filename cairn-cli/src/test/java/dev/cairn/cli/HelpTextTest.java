package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 10: {@code cairn migrate --help} and {@code cairn bench --help} listed subcommands with their summary cut
 * mid-sentence (picocli shows the first description line only), and a usage line read {@code -m=MSG}.
 */
class HelpTextTest {

  @Test
  void everyCommandSummary_aCompleteSentence() {
    List<String> cut = new ArrayList<>();
    collect(new CommandLine(new CairnCommand(Terminal.system())), cut);

    assertThat(cut).isEmpty();
  }

  @Test
  void migrateAndBenchHelp_summariesEndTheirSentences() {
    for (String command : List.of("migrate", "bench")) {
      CliRun run = CliRun.of(command, "--help");
      List<String> lines = run.outLines();
      int commands = lines.indexOf("Commands:");
      assertThat(commands).as(run.out()).isPositive();
      List<String> summaries = joinContinuations(lines.subList(commands + 1, lines.size()));
      assertThat(summaries).as(run.out()).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("."));
    }
  }

  @Test
  void generateUsage_shortOptionWithSpace() {
    CliRun run = CliRun.of("migrate", "generate", "--help");

    assertThat(run.out()).contains("cairn migrate generate -m MSG").doesNotContain("-m=MSG");
  }

  private static void collect(CommandLine command, List<String> cut) {
    for (CommandLine sub : command.getSubcommands().values()) {
      String[] header = sub.getCommandSpec().usageMessage().header();
      String[] description = sub.getCommandSpec().usageMessage().description();
      String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      if (!summary.strip().endsWith(".")) {
        cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
      }
      collect(sub, cut);
    }
  }

  // The command list wraps a summary onto indented lines; a new entry starts at two spaces of indentation.
  private static List<String> joinContinuations(List<String> lines) {
    List<String> entries = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        entries.add(line.strip());
      } else if (!entries.isEmpty() && !line.isBlank()) {
        entries.set(entries.size() - 1, entries.getLast() + " " + line.strip());
      }
    }
    return entries;
  }
}
