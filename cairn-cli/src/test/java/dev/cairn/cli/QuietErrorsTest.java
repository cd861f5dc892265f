package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: library log lines around the one-line errors. Flyway printed {@code FileSystemScanner ... not found}
 * and {@code DbMigrate ... failed!} at ERROR on {@code migrate}; Javalin printed {@code Failed to start Javalin}
 * with a stack trace before {@code cairn: cannot listen}. Real child JVMs, since the lines come from the logging
 * backend writing to the process's standard error.
 */
class QuietErrorsTest {
  @TempDir
  Path dir;

  @Test
  void migrateStatus_missingScriptsFolder_nothingOnStandardError() throws Exception {
    Child run = cairn("migrate", "status", "--create", "--db", "sqlite:" + dir.resolve("app.db"), "--dir",
        dir.resolve("nowhere").toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void migrateRun_brokenScript_onlyCairnsLines() throws Exception {
    Path scripts = Files.createDirectories(dir.resolve("migrations").resolve("framework"));
    Files.writeString(scripts.resolve("V1__broken.sql"), "CREATE TABLE oops (;\n");

    Child run = cairn("migrate", "run", "--db", "sqlite:" + dir.resolve("app.db"), "--dir",
        dir.resolve("migrations").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    // Cairn's own lines: the progress line of the script (stderr is no terminal here) and the error.
    assertThat(run.err().lines().toList()).as(run.err()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("cairn: .*|migrate: 1/1 V1__broken\\.sql"))
        .last().asString().contains("V1__broken").endsWith("[MIGRATION_FAILED]");
  }

  @Test
  void serve_portInUse_exactlyOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Child run = cairn("serve", "--db", "sqlite::memory:", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err().lines().toList()).singleElement().asString()
          .startsWith("cairn: cannot listen on 127.0.0.1:" + taken.getLocalPort()).endsWith("[PORT_UNAVAILABLE]");
    }
  }

  record Child(int code, String out, String err) {}

  private Child cairn(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // As the jar's manifest does (Enable-Native-Access), so SQLite's native library loads without a warning.
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.cairn.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("CAIRN_ADMIN_TOKEN");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] err = process.getErrorStream().readAllBytes();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
