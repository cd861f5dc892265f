package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's shell examples true: every {@code ```bash} block marked {@code <!-- readme-run -->} or
 * {@code <!-- readme-run with: SETUP -->} runs as written, in README order, in a folder laid out as a fresh clone
 * (the repository's {@code examples/} and a {@code ./cairn}, no {@code data/}), and then all of them again in the same
 * folder, as a user repeating them would. Each block runs in bash with {@code set -euo pipefail}, so every command
 * must exit 0.
 *
 * <p>What the harness adds around the README's text, and why:
 * <ul>
 *   <li>{@code ./cairn} is a stand-in running this build's classes: the real launcher would build the jar first.
 *   <li>A block's SETUP (e.g. {@code ./cairn serve}, which the README runs "in another terminal") runs in the
 *       background before the block, in the same shell (so a variable it sets is the block's), and is stopped after.
 *   <li>{@code curl} fails on an HTTP error status ({@code --fail-with-body}; plain curl exits 0 on a 404, which is
 *       how a 404 in the README went unnoticed) and retries a refused connection while the server starts.
 *   <li>The README's port 8080 becomes a free port, given to {@code serve} as {@code --port}, so that the test does
 *       not collide with a server already running on the machine.
 * </ul>
 */
class ReadmeShellExamplesTest {
  private static final Path REPOSITORY =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
  private static final Pattern MARKED_BLOCK = Pattern.compile(
      "^([ \\t]*)<!-- readme-run(?: with: (.+?))? -->[ \\t]*\\n\\1```bash[ \\t]*\\n(.*?)^\\1```[ \\t]*$",
      Pattern.MULTILINE | Pattern.DOTALL);
  private static final long BLOCK_TIMEOUT_SECONDS = 300;
  /** What a user's shell on a fresh machine does not have set: the commands must work on their defaults. */
  private static final List<String> CAIRN_VARIABLES = List.of("CAIRN_DATABASE_URL", "DATABASE_URL", "CAIRN_KV_URL",
      "REDIS_URL", "CAIRN_MODE", "CAIRN_DATA_DIR", "CAIRN_VECTOR_URL", "CAIRN_ADMIN_TOKEN", "CAIRN_ALLOWED_HOSTS");

  /** One marked block: the background SETUP (may be null) and the block's lines, README indentation removed. */
  private record Example(int line, String setup, String script) {}

  @TempDir
  Path clone;

  @Test
  void markedShellBlocks_runInOrderOnAFreshClone_twice_everyCommandSucceeds() throws Exception {
    Assumptions.assumeTrue(onPath("bash") && onPath("curl"), "bash or curl is not installed");
    List<Example> examples = markedExamples();
    assertThat(examples).as("blocks marked <!-- readme-run --> in README.md").hasSizeGreaterThanOrEqualTo(3);
    assertThat(examples).as("the curl of the users table").anyMatch(e -> e.script().contains("/tables/users"));
    int port = freePort();
    layOutFreshClone(port);

    for (int pass = 1; pass <= 2; pass++) {
      for (Example example : examples) {
        run(example, pass, port);
      }
    }

    assertThat(clone.resolve("data/cairn.db")).exists();
  }

  private static List<Example> markedExamples() throws IOException {
    String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher block = MARKED_BLOCK.matcher(readme);
    List<Example> examples = new ArrayList<>();
    while (block.find()) {
      String indent = block.group(1);
      String script = block.group(3).lines()
          .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
          .reduce("", (all, line) -> all + line + "\n");
      int line = (int) readme.substring(0, block.start()).lines().count() + 1;
      examples.add(new Example(line, block.group(2), script));
    }
    return examples;
  }

  /** The repository's examples folder and a stand-in ./cairn; nothing else, as in a clone nobody ran anything in. */
  private void layOutFreshClone(int port) throws IOException {
    Path examples = REPOSITORY.resolve("examples");
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path file : files.toList()) {
        Path target = clone.resolve("examples").resolve(examples.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String launcher = """
        #!/bin/sh
        # Stand-in for the launcher: this build's classes; serve on the test's port instead of 8080.
        if [ "$1" = serve ]; then set -- "$@" --port %d; fi
        exec '%s' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp '%s' \\
          dev.cairn.cli.Main "$@"
        """.formatted(port, java, testClassPath());
    Path cairn = Files.writeString(clone.resolve("cairn"), launcher, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(cairn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void run(Example example, int pass, int port) throws Exception {
    String script = """
        set -euo pipefail
        curl() {
          command curl --silent --show-error --fail-with-body --retry 180 --retry-delay 1 --retry-connrefused \\
            --max-time 60 "$@"
          echo
        }
        stop_background() {
          local pid
          for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
          wait || true
        }
        trap stop_background EXIT
        """
        + (example.setup() == null ? "" : example.setup() + " &\n")
        + example.script().replace("localhost:8080", "localhost:" + port)
            .replace("127.0.0.1:8080", "127.0.0.1:" + port);
    Path scriptFile = Files.writeString(clone.resolve("example.sh"), script, StandardCharsets.UTF_8);
    Path output = clone.resolve("example.out");
    ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString()).directory(clone.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> environment = builder.environment();
    CAIRN_VARIABLES.forEach(environment::remove);
    Process bash = builder.start();
    boolean finished = bash.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      bash.descendants().forEach(ProcessHandle::destroyForcibly);
      bash.destroyForcibly().waitFor();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(finished).as("README.md:%d (pass %d) finished within %d s; it printed:%n%s", example.line(), pass,
        BLOCK_TIMEOUT_SECONDS, printed).isTrue();
    assertThat(bash.exitValue()).as("exit code of README.md:%d (pass %d), setup %s; it printed:%n%s",
        example.line(), pass, example.setup(), printed).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // Surefire runs tests from a manifest-only jar; it publishes the real test class path in this property.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
