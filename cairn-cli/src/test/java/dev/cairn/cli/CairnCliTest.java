package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.bench.SqlBenchOptions;
import dev.cairn.bench.kv.KvBenchOptions;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.UnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CairnCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal = new Terminal(
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void help_listsCommandsAndGlobalOptions() {
    int code = CairnCli.run(new String[] {"--help"}, terminal);

    assertThat(code).isZero();
    assertThat(out()).contains("Usage: cairn", "bench", "--verbose", "--version", "--help");
    assertThat(err()).isEmpty();
  }

  @Test
  void version_printsProjectAndJavaVersion() {
    int code = CairnCli.run(new String[] {"--version"}, terminal);

    assertThat(code).isZero();
    assertThat(out()).containsPattern("(?m)^cairn \\d+\\.\\d+\\.\\d+\\S*$")
        .contains("Java " + Runtime.version().feature());
  }

  @Test
  void benchSqlHelp_showsOptionsWithTheWorkloadDefaults() {
    SqlBenchOptions defaults = SqlBenchOptions.defaults(null);

    int code = CairnCli.run(new String[] {"bench", "sql", "--help"}, terminal);

    assertThat(code).isZero();
    assertThat(out()).contains("Usage: cairn bench sql", "--db=URL", "--rows=N", "--rounds=R",
        "(default: " + defaults.rows() + ")", "(default: " + defaults.rounds() + ")");
  }

  @Test
  void run_noCommand_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).containsExactly(
        "cairn: missing command after 'cairn' (one of: db, migrate, kv, subject, vector, bench, serve) (see 'cairn --help')");
    assertThat(out()).isEmpty();
  }

  @Test
  void run_unknownOption_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"--bogus"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).containsExactly("cairn: Unknown option: '--bogus' (see 'cairn --help')");
  }

  @Test
  void run_unknownCommand_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"xyzzy"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).containsExactly("cairn: unknown command 'xyzzy' for 'cairn' (see 'cairn --help')");
  }

  @Test
  void bench_unknownSubcommand_suggestsTheClosestOne() {
    int code = CairnCli.run(new String[] {"bench", "sq"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).containsExactly(
        "cairn: unknown command 'sq' for 'cairn bench'; did you mean 'sql'? (see 'cairn bench --help')");
  }

  @Test
  void bench_noSubcommand_usageError() {
    int code = CairnCli.run(new String[] {"bench"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).containsExactly(
        "cairn: missing command after 'cairn bench' (one of: sql, kv, subject, http, faults, vector) (see 'cairn bench --help')");
  }

  @Test
  void benchSql_rowsNotANumber_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"bench", "sql", "--rows", "many"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString()
        .startsWith("cairn: ").contains("'--rows'", "'many'").endsWith("(see 'cairn bench sql --help')");
  }

  @Test
  void benchSql_rowsBelowMinimum_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"bench", "sql", "--rows", "5"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString().startsWith("cairn: rows must be >= 100, was 5");
  }

  @Test
  void benchSql_unknownPhase_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"bench", "sql", "--phases", "get_by_id,get_by_name"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString()
        .startsWith("cairn: no phase is named 'get_by_name'; the phases are bulk_insert, get_by_id,");
    assertThat(out()).isEmpty();
  }

  @Test
  void benchSqlHelp_namesEveryPhase() {
    int code = CairnCli.run(new String[] {"bench", "sql", "--help"}, terminal);

    assertThat(code).isZero();
    // the help text lists the phases by hand (an annotation needs a constant): this keeps it true
    String help = out().replaceAll("\\s+", " ");
    assertThat(help).contains("--phases=NAME");
    assertThat(SqlBenchOptions.phaseNames()).allSatisfy(phase -> assertThat(help).contains(phase));
  }

  @Test
  void benchSql_rowsBelowMinimumVerbose_printsTheCause() {
    int code = CairnCli.run(new String[] {"--verbose", "bench", "sql", "--rows", "5"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines().getFirst()).startsWith("cairn: rows must be >= 100, was 5");
    assertThat(err()).contains("dev.cairn.core.InvalidInputException: rows must be >= 100", "at dev.cairn.bench.");
  }

  @Test
  void benchSql_keyValueUrl_usageErrorWithPasswordMasked() {
    int code = CairnCli.run(new String[] {"bench", "sql", "--db", "redis://app:hunter2@localhost:6379"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString()
        .contains("--db needs a SQL database URL", "redis://app:****@localhost:6379")
        .doesNotContain("hunter2");
  }

  @Test
  void benchSql_unknownScheme_usageErrorWithPasswordMasked() {
    int code = CairnCli.run(new String[] {"bench", "sql", "--db", "oracle://app:hunter2@db/x"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString()
        .contains("unsupported store URL scheme 'oracle'").doesNotContain("hunter2");
  }

  @Test
  void benchKvHelp_showsOptionsWithTheWorkloadDefaults() {
    KvBenchOptions defaults = KvBenchOptions.defaults(KvBenchCommand.DEFAULT_URL);

    int code = CairnCli.run(new String[] {"bench", "kv", "--help"}, terminal);

    assertThat(code).isZero();
    assertThat(out()).contains("Usage: cairn bench kv", "--kv=URL", "--ops=N", "--threads=T", "--no-progress",
        "(default: redis://127.0.0.1:6379)", "(default: " + defaults.ops() + ")",
        "(default: " + defaults.threads() + ")");
  }

  @Test
  void benchKv_unreachableRedis_failureOnOneLineWithPasswordMasked() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    int code = CairnCli.run(new String[] {"bench", "kv", "--no-progress", "--kv",
        "redis://app:hunter2@127.0.0.1:" + port}, terminal);

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(errLines()).singleElement().asString()
        .startsWith("cairn: ").contains("redis://app:****@127.0.0.1:" + port).endsWith("]")
        .doesNotContain("hunter2");
    assertThat(out()).isEmpty();
  }

  @Test
  void benchSubject_unreachableRedis_failureOnOneLineWithPasswordMasked() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    int code = CairnCli.run(new String[] {"bench", "subject", "--kv", "redis://app:hunter2@127.0.0.1:" + port},
        terminal);

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(errLines()).singleElement().asString()
        .startsWith("cairn: ").contains("redis://app:****@127.0.0.1:" + port).doesNotContain("hunter2");
    assertThat(out()).isEmpty();
  }

  @Test
  void benchSubject_clusterUrl_usageError() {
    int code = CairnCli.run(new String[] {"bench", "subject", "--kv", "redis-cluster://127.0.0.1:7000"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString().contains("--kv needs a standalone or Sentinel Redis URL");
  }

  @Test
  void benchKv_sqlUrl_usageErrorWithPasswordMasked() {
    int code = CairnCli.run(new String[] {"bench", "kv", "--kv", "postgresql://app:hunter2@localhost/app"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString()
        .contains("--kv needs a Redis URL", "postgresql://app:****@localhost").doesNotContain("hunter2");
  }

  @Test
  void benchKv_memoryUrl_usageError() {
    int code = CairnCli.run(new String[] {"bench", "kv", "--kv", "memory:"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString().contains("--kv needs a Redis URL", "got memory:");
  }

  @Test
  void benchKv_fewerOpsThanThreads_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"bench", "kv", "--threads", "8", "--ops", "5"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString()
        .startsWith("cairn: ops must be at least 8, got 5").endsWith("(see 'cairn bench kv --help')");
  }

  @Test
  void benchKv_threadsNotANumber_usageErrorOnOneLine() {
    int code = CairnCli.run(new String[] {"bench", "kv", "--threads", "lots"}, terminal);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).singleElement().asString().contains("'--threads'", "'lots'");
  }

  @Test
  void run_commandReturnsCode_becomesExitCode() {
    int code = runWithTestCommands("exit-seven");

    assertThat(code).isEqualTo(7);
    assertThat(err()).isEmpty();
  }

  @Test
  void run_unavailable_failureOnOneLineWithCode() {
    int code = runWithTestCommands("unavailable");

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(errLines()).containsExactly(
        "cairn: cannot reach postgresql://app:****@db.example:5432/app [CONNECTION_REFUSED]");
  }

  @Test
  void run_invalidInputWhileRunning_usageExitCode() {
    int code = runWithTestCommands("invalid");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()).containsExactly("cairn: table name 'x;' is not allowed [INVALID_NAME]");
  }

  @Test
  void run_unexpectedException_oneLineWithoutStackTraceOrPassword() {
    int code = runWithTestCommands("bug");

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(errLines()).containsExactly("cairn: unexpected java.lang.IllegalStateException: driver said "
        + "jdbc:postgresql://app:****@db/app?password=**** is odd (run with --verbose for the stack trace)");
  }

  @Test
  void run_unexpectedExceptionVerbose_printsStackTraceWithoutPassword() {
    int code = runWithTestCommands("bug", "--verbose");

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err()).contains("java.lang.IllegalStateException", "at dev.cairn.cli.CairnCliTest$Bug.call")
        .doesNotContain("s3cret").doesNotContain("hunter2");
    assertThat(errLines().getFirst()).doesNotContain("--verbose");
  }

  private int runWithTestCommands(String... args) {
    CommandLine commandLine = new CommandLine(new CairnCommand(terminal))
        .addSubcommand(new ExitSeven())
        .addSubcommand(new Unavailable())
        .addSubcommand(new Invalid())
        .addSubcommand(new Bug());
    return CairnCli.configure(commandLine, terminal).execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<String> errLines() {
    return err().lines().toList();
  }

  @Command(name = "exit-seven")
  static final class ExitSeven implements Callable<Integer> {
    @Override
    public Integer call() {
      return 7;
    }
  }

  @Command(name = "unavailable")
  static final class Unavailable implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new UnavailableException("CONNECTION_REFUSED",
          "cannot reach postgresql://app:****@db.example:5432/app\nsecond line with detail", Map.of(), null);
    }
  }

  @Command(name = "invalid")
  static final class Invalid implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new InvalidInputException("INVALID_NAME", "table name 'x;' is not allowed");
    }
  }

  @Command(name = "bug")
  static final class Bug implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("driver said jdbc:postgresql://app:hunter2@db/app?password=s3cret is odd");
    }
  }
}
