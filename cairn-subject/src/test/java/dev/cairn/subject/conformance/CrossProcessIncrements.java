package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two JVM processes x 8 threads x 1,000 atomic {@code +1} on one property of one subject: 16,000 in all, exact on a
 * persistent storage; also while every thread writes a property of its own on the same subject between increments
 * (on Redis those writes break WATCH, so the retries are exercised). Extended once per persistent storage.
 */
abstract class CrossProcessIncrements {
  private static final int THREADS_PER_PROCESS = 8;
  private static final int ROUNDS = 1_000;

  /** A URL {@link SubjectStorages#open} accepts, for both processes. */
  protected abstract String storageUrl();

  @Test
  void setFunction_twoProcessesSixteenThreads_exact() throws Exception {
    assertThat(countInTwoProcesses("function", false)).isEqualTo(2L * THREADS_PER_PROCESS * ROUNDS);
  }

  @Test
  void increment_twoProcessesWhileOthersWriteOtherProperties_exact() throws Exception {
    assertThat(countInTwoProcesses("increment", true)).isEqualTo(2L * THREADS_PER_PROCESS * ROUNDS);
  }

  private Object countInTwoProcesses(String mode, boolean noise) throws Exception {
    String name = "contended-" + UUID.randomUUID();
    try (Subjects subjects = Subjects.on(SubjectStorages.open(storageUrl()))) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), SubjectContender.class.getName(), storageUrl(), name, mode,
          Integer.toString(THREADS_PER_PROCESS), Integer.toString(ROUNDS), Boolean.toString(noise), "child")
          .redirectErrorStream(true)
          .start();
      CompletableFuture<List<String>> childOutput = CompletableFuture.supplyAsync(() -> readLines(child));
      try {
        SubjectContender.run(subjects, name, mode, THREADS_PER_PROCESS, ROUNDS, noise, "parent");
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("second process finished").isTrue();
      } finally {
        child.destroyForcibly();
      }
      List<String> lines = childOutput.get(1, TimeUnit.MINUTES);
      assertThat(child.exitValue()).as("second process exit code; its output:%n%s", String.join("\n", lines))
          .isZero();
      assertThat(lines).contains("done");
      try {
        if (noise) {
          assertThat(subjects.get(name).get("noise-child-7")).isEqualTo((long) ROUNDS - 1);
        }
        return subjects.get(name).get(SubjectContender.COUNTER);
      } finally {
        subjects.get(name).flush();
      }
    }
  }

  private static List<String> readLines(Process process) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.startsWith("SLF4J")).toList();
    } catch (IOException e) {
      throw new IllegalStateException("could not read the second process's output", e);
    }
  }
}
