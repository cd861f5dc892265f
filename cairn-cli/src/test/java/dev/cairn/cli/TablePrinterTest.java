package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  private static List<String> print(TablePrinter printer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    printer.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void print_mixedColumns_alignedNumbersRight() {
    TablePrinter printer = new TablePrinter(List.of("id", "name", "age"))
        .add(List.of(1L, "Ada", 36))
        .add(Arrays.asList(100L, "Grace Hopper", null));

    assertThat(print(printer)).containsExactly(
        " id  name           age",
        "---  ------------  ----",
        "  1  Ada             36",
        "100  Grace Hopper  NULL");
  }

  @Test
  void print_noRows_headerAndRule() {
    assertThat(print(new TablePrinter(List.of("table", "rows")))).containsExactly("table  rows", "-----  ----");
  }

  @Test
  void print_unsafeCell_escapedAndCut() {
    TablePrinter printer = new TablePrinter(List.of("v")).add(List.of("x\ny" + "z".repeat(100)));

    List<String> lines = print(printer);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("x\\ny").endsWith("... [43 more chars]");
  }

  @Test
  void print_headerWithEscapeSequence_escaped() {
    TablePrinter printer = new TablePrinter(List.of("evil\u001b[2J")).add(List.of("v"));

    assertThat(print(printer)).first().asString().isEqualTo("evil\\u001b[2J");
  }

  @Test
  void add_wrongNumberOfValues_refused() {
    TablePrinter printer = new TablePrinter(List.of("a", "b"));

    assertThatThrownBy(() -> printer.add(List.of("only one")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 columns");
  }
}
