package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and unreachable store URLs whose passwords hold URL delimiters, run through the command line in a child
 * JVM whose whole standard output and error are captured: so drivers' own logging (pgjdbc writes through
 * java.util.logging straight to the process's standard error) is checked too, not only what Cairn prints. No part
 * of any password may show, with or without {@code --verbose}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliUrlSecretsTest {
  private static final String MARKER = "=== case ";
  /** Pieces of every password below; none may appear anywhere in the output. */
  private static final List<String> SECRETS = List.of("Zq7k", "Xw9m", "Tr0ub4dor", "Hunter2x", "@ss", "ss/word",
      "word@");
  private static final List<String> DELIMITERS = List.of("#", "?", "/", "?x=1@", "#1@", "/x?y#", "%");

  @TempDir
  static Path dir;

  private final List<List<String>> cases = new ArrayList<>();
  private String out;
  private String err;

  @BeforeAll
  void runAllCasesInOneChildJvm() throws Exception {
    int closedPort = closedPort();
    String target = "127.0.0.1:" + closedPort;
    // The issue's forms and a connectable one, each also with --verbose (stack traces, debug logging) ...
    List<String> sqlUrls = new ArrayList<>(List.of(
        "postgresql://postgres:Tr0ub4dor#1@host/db",
        "postgres:Hunter2x@host/db",
        "postgresql://postgres:p@ss/word@localhost/db",
        "jdbc:mariadb://root:p@ss/word@localhost/db",
        "postgresql://app:Zq7k@Xw9m@" + target + "/db",
        // A URL that pgjdbc itself warns about (a database name with '/'): its WARNING must not reach the output.
        "postgresql://app:Zq7k%2FXw9m@" + target + "/a%2Fb"));
    List<String> kvUrls = new ArrayList<>(List.of(
        "redis://app:Tr0ub4dor#1@host/0",
        "redis:Hunter2x@host",
        "redis://app:p@ss/word@localhost",
        "redis://app:Zq7k@Xw9m@" + target));
    for (String url : sqlUrls) {
      cases.add(List.of("--verbose", "db", "status", "--connect-timeout", "1s", "--db", url));
    }
    for (String url : kvUrls) {
      cases.add(List.of("--verbose", "kv", "get", "k", "--kv", url));
    }
    // ... then each delimiter in the usual mistakes (the parser's own test tries many more combinations).
    for (String delimiter : DELIMITERS) {
      String password = "Zq7k" + delimiter + "Xw9m";
      for (String form : List.of("postgresql://app:%s@" + target + "/db", "jdbc:mysql://app:%s@/db",
          "mariadb:app:%s@" + target + "/db", "oracle://app:%s@" + target + "/db")) {
        sqlUrls.add(String.format(form, password));
      }
      for (String form : List.of("redis-sentinel://:%s@" + target + "/0#mymaster", "redis://%s@" + target,
          "rediss://app:%s@" + target + "/0")) {
        kvUrls.add(String.format(form, password));
      }
    }
    for (String url : sqlUrls) {
      cases.add(List.of("db", "status", "--connect-timeout", "1s", "--db", url));
    }
    for (String url : kvUrls) {
      cases.add(List.of("kv", "get", "k", "--kv", url));
    }
    cases.add(List.of("migrate", "status", "--db", "postgresql://postgres:Tr0ub4dor#1@host/db"));
    cases.add(List.of("bench", "sql", "--db", "postgres:Hunter2x@host/db"));
    cases.add(List.of("serve", "--port", "0", "--db", "postgresql://postgres:p@ss/word@localhost/db"));
    Path input = dir.resolve("cases.txt");
    Files.write(input, cases.stream().map(args -> String.join("\u001f", args)).toList(), StandardCharsets.UTF_8);
    Path stdout = dir.resolve("out.txt");
    Path stderr = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
        input.toString())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CAIRN_") && !name.equals("CAIRN_BUILD_DIR")
        || name.equals("DATABASE_URL") || name.equals("REDIS_URL"));
    Process process = builder.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    out = Files.readString(stdout, StandardCharsets.UTF_8);
    err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(finished).as("the child JVM finished; stderr so far:%n%s", tail(err)).isTrue();
    assertThat(process.exitValue()).as(tail(err)).isZero();
  }

  @Test
  void everyCase_ranAndFailedWithOneCairnLine() {
    assertThat(cases).hasSizeGreaterThan(60);
    String[] sections = err.split(MARKER);
    assertThat(sections).hasSize(cases.size() + 1);
    for (int i = 1; i < sections.length; i++) {
      assertThat(sections[i]).as("case %s", cases.get(i - 1)).contains("cairn: ");
    }
  }

  @Test
  void noPartOfAnyPassword_inStandardOutputOrError() {
    for (String secret : SECRETS) {
      assertThat(err).as("stderr").doesNotContain(secret);
      assertThat(out).as("stdout").doesNotContain(secret);
    }
  }

  @Test
  void driverLogging_notPrintedRaw() {
    // java.util.logging's console format is a date line, then "WARNING: ..." (pgjdbc warns about odd URLs so).
    assertThat(err.lines().filter(line -> line.startsWith("WARNING:") || line.startsWith("SEVERE:")))
        .as("raw java.util.logging lines").isEmpty();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  /** The child: runs each line of the file as one {@code cairn} command line, as the launcher's Main does. */
  public static final class Probe {
    public static void main(String[] args) throws IOException {
      List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
      PrintStream out = System.out;
      PrintStream err = System.err;
      for (int i = 0; i < lines.size(); i++) {
        out.println(MARKER + i);
        err.println(MARKER + i);
        out.flush();
        err.flush();
        CairnCli.run(lines.get(i).split("\u001f"));
        out.flush();
        err.flush();
      }
      System.exit(0);
    }

    private Probe() {}
  }
}
