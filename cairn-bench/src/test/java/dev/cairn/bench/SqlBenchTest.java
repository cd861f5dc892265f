package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the real workload, small, on a temporary SQLite file; checks the output, never the speed. */
class SqlBenchTest {
  private static final Pattern LINE =
      Pattern.compile("sql\\.([a-z_]+) cairn=(\\d+) jdbc=(\\d+) ratio=(\\d+\\.\\d{2})");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void run_smallSqliteWorkload_printsOneLinePerPhaseWithPositiveFigures() {
    int exit = run(new SqlBenchOptions(null, 500, 1, false));

    assertThat(exit).as("exit code, stderr: %s", text(err)).isZero();
    List<String> lines = text(out).lines().toList();
    assertThat(lines).hasSize(4);
    List<String> phases = lines.stream().map(line -> {
      Matcher matcher = LINE.matcher(line);
      assertThat(matcher.matches()).as("line format of '%s'", line).isTrue();
      assertThat(Long.parseLong(matcher.group(2))).as("cairn ops/s in '%s'", line).isPositive();
      assertThat(Long.parseLong(matcher.group(3))).as("jdbc ops/s in '%s'", line).isPositive();
      assertThat(Double.parseDouble(matcher.group(4))).as("ratio in '%s'", line).isPositive();
      return matcher.group(1);
    }).toList();
    assertThat(phases).containsExactly("bulk_insert", "get_by_id", "page_filter_sort", "update_own_tx");
    assertThat(text(err)).as("nothing on stderr without a terminal").isEmpty();
  }

  @Test
  void run_unreachableServer_printsOneLineAndFails() {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    int exit = run(new SqlBenchOptions("postgresql://bench:secret-pw@127.0.0.1:1/test", 100, 1, false));

    assertThat(exit).isEqualTo(SqlBench.EXIT_FAILED);
    assertThat(text(out)).isEmpty();
    assertThat(text(err).lines().toList()).singleElement().satisfies(line -> {
      assertThat(line).startsWith("cairn bench sql: ").contains("127.0.0.1");
      assertThat(line).doesNotContain("secret-pw").doesNotContain("Exception");
    });
  }

  @Test
  void run_keyValueUrl_isRefusedAsInvalid() {
    int exit = run(new SqlBenchOptions("redis://127.0.0.1:6379", 100, 1, false));

    assertThat(exit).isEqualTo(SqlBench.EXIT_INVALID);
    assertThat(text(out)).isEmpty();
    assertThat(text(err).lines().toList()).singleElement().asString().startsWith("cairn bench sql: ");
  }

  private int run(SqlBenchOptions options) {
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return SqlBench.run(options, outStream, errStream);
    }
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
