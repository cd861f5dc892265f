package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorReporterTest {

  @Test
  void printable_escapeSequenceInAName_isShownNotObeyed() {
    String hostile = "table \u001b[2Jusers\u0007 not found";

    assertThat(ErrorReporter.printable(hostile)).isEqualTo("table \\u001b[2Jusers\\u0007 not found");
  }

  @Test
  void printable_unicodeLetters_keptAsTheyAre() {
    assertThat(ErrorReporter.printable("tábla 表 not found")).isEqualTo("tábla 表 not found");
  }
}
