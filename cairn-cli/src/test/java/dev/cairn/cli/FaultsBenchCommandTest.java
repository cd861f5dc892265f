package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code cairn bench faults} end to end on its cheapest scenario: the printed line's shape, and usage errors. */
class FaultsBenchCommandTest {
  private static final String WORK = Path.of(System.getenv().getOrDefault("CAIRN_BUILD_DIR", "target"),
      "cairn-faults-cli").toString();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal = new Terminal(
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void benchFaults_oneScenario_printsItsLine() {
    int code = CairnCli.run(new String[] {"bench", "faults", "--scenario", "sqlite_kill9", "--duration", "1s",
        "--work-dir", WORK}, terminal);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).matches("fault\\.sqlite_kill9 attempts=\\d+ acked=\\d+"
        + " lost=0 duplicated=0 false_failures=0 max_wait_ms=\\d+ killed=1 .*integrity=ok");
  }

  @Test
  void benchFaults_unknownScenario_usageErrorNamingTheKnownOnes() {
    int code = CairnCli.run(new String[] {"bench", "faults", "--scenario", "sqlite_kill"}, terminal);
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no fault scenario 'sqlite_kill'")
        .contains("sqlite_kill9, sqlite_lock_holder, http_kill9");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void benchFaults_zeroDuration_usageError() {
    int code = CairnCli.run(new String[] {"bench", "faults", "--duration", "0s"}, terminal);
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--duration");
  }
}
