package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Json;
import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.RedisService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: under {@code LANG=C} {@code cairn subject set 'loc-😀' name 'héllo 😀'} stored U+FFFD garbage and
 * exited 0. Real child JVMs under {@code LANG=C LC_ALL=C}: started the way the {@code ./cairn} launcher starts
 * them (its own functions, sourced), the exact UTF-8 text is stored and printed; started without it, the
 * undecodable argument is refused and nothing is written.
 */
class Utf8ArgumentsTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../cairn").normalize();
  private static final String SUBJECT = "loc-😀";
  private static final String VALUE = "héllo 😀";

  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  @TempDir
  Path dir;

  @AfterEach
  void deleteSubjects() {
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      kv.deletePrefix("s:" + REDIS.keyPrefix());
    }
  }

  @Test
  void launcher_cLocale_storesAndPrintsExactUtf8() throws Exception {
    Child set = cairn(true, "subject", "set", SUBJECT, "name", VALUE);

    assertThat(set.code()).as(set.err()).isZero();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(keys(kv)).containsExactly("s:" + REDIS.keyPrefix() + SUBJECT);
      String stored = kv.hashGet("s:" + REDIS.keyPrefix() + SUBJECT, "pname").orElseThrow();
      assertThat(Json.tree(stored).asText()).isEqualTo(VALUE);
    }
    Child get = cairn(true, "subject", "get", SUBJECT);
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(get.out()).contains("\"subject\":\"" + SUBJECT + "\"", "\"name\":\"" + VALUE + "\"");
  }

  @Test
  void plainJava_cLocale_undecodableArgumentRefused_nothingWritten() throws Exception {
    Child set = cairn(false, "subject", "set", SUBJECT, "name", VALUE);

    assertThat(set.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(set.err().lines().toList()).singleElement().asString()
        .startsWith("cairn: argument 3 ('loc-").contains("LC_ALL=C.UTF-8").endsWith("[ARGUMENT_NOT_DECODABLE]");
    assertThat(set.out()).isEmpty();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(keys(kv)).isEmpty();
    }
  }

  @Test
  void inProcess_replacementCharacterInAnArgument_refused() {
    CliRun run = CliRun.of("subject", "set", "x", "name", "h\ufffdllo");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("argument 5 ('h?llo')", "[ARGUMENT_NOT_DECODABLE]");
  }

  private static List<String> keys(KeyValue kv) {
    try (var keys = kv.scan("s:" + REDIS.keyPrefix() + "*")) {
      return keys.toList();
    }
  }

  /** The standard output and error of a finished child, decoded as UTF-8. */
  record Child(int code, String out, String err) {}

  /**
   * Runs {@code dev.cairn.cli.Main} in a child JVM under {@code LANG=C LC_ALL=C}, through the launcher's locale and
   * JVM-option functions or as plain {@code java}. The arguments travel as UTF-8 bytes in a file read by bash, so the
   * test does not depend on its own JVM's locale to pass them.
   */
  private Child cairn(boolean throughLauncher, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kv", REDIS.url(), "--prefix", REDIS.keyPrefix()));
    Path argsFile = dir.resolve("args");
    Files.write(argsFile, String.join("\n", all).concat("\n").getBytes(StandardCharsets.UTF_8));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String start = throughLauncher
        ? "source '" + LAUNCHER + "'; ensure_utf8_locale; exec '" + java + "' $(utf8_jvm_options)"
        : "exec '" + java + "'";
    String script = "set -euo pipefail; mapfile -t args < '" + argsFile + "'; " + start
        + " -cp \"$CAIRN_TEST_CP\" dev.cairn.cli.Main \"${args[@]}\"";
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    environment.put("LANG", "C");
    environment.put("LC_ALL", "C");
    environment.put("CAIRN_TEST_CP", System.getProperty("java.class.path"));
    environment.remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] err = process.getErrorStream().readAllBytes();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
