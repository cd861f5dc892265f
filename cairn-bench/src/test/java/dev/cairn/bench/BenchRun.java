package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One captured run of {@link SqlBench}: exit code, standard output and standard error. */
record BenchRun(int exit, String out, String err) {
  private static final Pattern LINE =
      Pattern.compile("sql\\.([a-z_]+) cairn=(\\d+) jdbc=(\\d+) ratio=(\\d+\\.\\d{2})"
          + " cairn_alloc_b_op=(\\d+) jdbc_alloc_b_op=(\\d+)");

  static BenchRun of(SqlBenchOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = SqlBench.run(options, outStream, errStream);
    }
    return new BenchRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Succeeded with exactly one line per phase, in order, well formed, every figure positive, then the
   * {@code sql.page_deep} summary.
   */
  void assertPhaseLines() {
    assertThat(exit).as("exit code, stderr: %s", err).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(10);
    List<String> phases = lines.subList(0, 9).stream().map(line -> {
      Matcher matcher = LINE.matcher(line);
      assertThat(matcher.matches()).as("line format of '%s'", line).isTrue();
      assertThat(Long.parseLong(matcher.group(2))).as("cairn ops/s in '%s'", line).isPositive();
      assertThat(Long.parseLong(matcher.group(3))).as("jdbc ops/s in '%s'", line).isPositive();
      assertThat(Double.parseDouble(matcher.group(4))).as("ratio in '%s'", line).isPositive();
      return matcher.group(1);
    }).toList();
    assertThat(phases).containsExactly("bulk_insert", "get_by_id", "page_filter_sort", "raw_query", "page_first",
        "page_deep_offset", "page_deep_keyset", "update_own_tx", "update_count_own_tx");
    assertThat(lines.getLast()).matches("sql\\.page_deep first=[1-9]\\d* offset=[1-9]\\d* keyset=[1-9]\\d*"
        + " offset_vs_first=\\d+\\.\\d{2} keyset_vs_first=\\d+\\.\\d{2}");
    assertThat(err).as("nothing on stderr without a terminal").isEmpty();
  }
}
