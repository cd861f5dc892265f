package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Progress on(boolean interactive) {
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Progress.on(new Terminal(stream, stream, interactive), "migrate");
  }

  @Test
  void count_onATerminal_redrawsOneLineInPlaceAndClearWipesIt() {
    Progress progress = on(true);

    progress.count(1, 2, "V1__create_notes.sql");
    progress.count(2, 2, "V2__add_author.sql");
    progress.clear();

    String drawn = err.toString(StandardCharsets.UTF_8);
    assertThat(drawn).doesNotContain("\n").startsWith("\rmigrate [" + ".".repeat(30) + "] 1/2 V1__create_notes.sql")
        .contains("\rmigrate [" + "#".repeat(15) + ".".repeat(15) + "] 2/2 V2__add_author.sql").endsWith("\r");
  }

  @Test
  void count_offATerminal_oneLinePerStep() {
    Progress progress = on(false);

    progress.count(1, 2, "V1__create_notes.sql");
    progress.update(5, 10);
    progress.count(2, 2, "V2__add_author.sql");
    progress.clear();

    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("migrate: 1/2 V1__create_notes.sql", "migrate: 2/2 V2__add_author.sql");
  }

  @Test
  void milestone_offATerminal_aLineWithTheStepsLabel() {
    Progress progress = on(false);

    progress.step("cairn build");
    progress.update(50, 1000);
    progress.milestone(100, 1000);
    progress.milestone(1000, 1000);

    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("migrate: cairn build", "migrate: cairn build 100/1000", "migrate: cairn build 1000/1000");
  }

  @Test
  void milestone_onATerminal_redrawsTheBarOnly() {
    Progress progress = on(true);

    progress.step("cairn build");
    progress.milestone(500, 1000);

    String drawn = err.toString(StandardCharsets.UTF_8);
    assertThat(drawn).doesNotContain("\n")
        .endsWith("\rmigrate: cairn build [" + "#".repeat(15) + ".".repeat(15) + "] 50%");
  }
}
