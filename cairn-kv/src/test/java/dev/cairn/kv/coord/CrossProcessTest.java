package dev.cairn.kv.coord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.RedisService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Correctness under contention across two JVM processes sharing one Redis: this JVM and a second one started with
 * the test class path, 8 threads each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossProcessTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();
  private static final int THREADS_PER_PROCESS = 8;

  private KeyValue store;

  @BeforeAll
  void open() {
    store = KeyValue.open(REDIS.url());
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void lock_twoProcessesSixteenThreads_counterExactAndFencingStrictlyIncreasing(TestInfo test) throws Exception {
    int roundsPerThread = 125;
    List<String> lines = runInTwoProcesses(test, "lock", roundsPerThread);

    List<long[]> rounds = lines.stream().map(CrossProcessTest::numbers).toList();
    int total = 2 * THREADS_PER_PROCESS * roundsPerThread;
    assertThat(rounds).hasSize(total);
    assertThat(rounds).as("holders inside the lock at once").allSatisfy(round -> assertThat(round[2]).isEqualTo(1));
    assertThat(rounds.stream().mapToLong(round -> round[1]).sorted().toArray())
        .as("counter values read inside the lock: each exactly once, so no two holders overlapped")
        .containsExactly(LongStream.range(0, total).toArray());
    List<Long> fencesInCounterOrder = rounds.stream().sorted(Comparator.comparingLong(round -> round[1]))
        .map(round -> round[0]).toList();
    assertThat(fencesInCounterOrder).as("fencing tokens in the order holders held the lock")
        .isSorted().doesNotHaveDuplicates();
    assertThat(view(test).get("counter")).contains(Integer.toString(total));
  }

  @Test
  void slidingWindow_limit100SharedByTwoProcesses_admitsExactly100(TestInfo test) throws Exception {
    assertThat(admittedInTwoProcesses(test, "sliding-window")).isEqualTo(100);
  }

  @Test
  void gcra_limit100SharedByTwoProcesses_admitsExactly100(TestInfo test) throws Exception {
    assertThat(admittedInTwoProcesses(test, "gcra")).isEqualTo(100);
  }

  private long admittedInTwoProcesses(TestInfo test, String limiter) throws Exception {
    List<String> lines = runInTwoProcesses(test, limiter, 25);
    assertThat(lines).hasSize(2 * THREADS_PER_PROCESS);
    return lines.stream().mapToLong(Long::parseLong).sum();
  }

  /** Runs the task here and in a second JVM at once; returns the lines both reported. */
  private List<String> runInTwoProcesses(TestInfo test, String task, int rounds) throws Exception {
    String prefix = prefix(test);
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Contender.class.getName(),
        REDIS.url(), prefix, task, Integer.toString(THREADS_PER_PROCESS), Integer.toString(rounds))
        .redirectErrorStream(true)
        .start();
    CompletableFuture<List<String>> childOutput = CompletableFuture.supplyAsync(() -> readLines(child));
    List<String> lines;
    try {
      lines = new ArrayList<>(Contender.run(view(test), task, THREADS_PER_PROCESS, rounds));
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("second process finished").isTrue();
    } finally {
      child.destroyForcibly();
    }
    List<String> childLines = childOutput.get(1, TimeUnit.MINUTES);
    assertThat(child.exitValue()).as("second process exit code; its output:%n%s", String.join("\n", childLines))
        .isZero();
    lines.addAll(childLines);
    return lines;
  }

  private KeyValue view(TestInfo test) {
    return store.withPrefix(prefix(test));
  }

  private static String prefix(TestInfo test) {
    return REDIS.keyPrefix() + test.getTestMethod().orElseThrow().getName() + ":";
  }

  private static List<String> readLines(Process process) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.startsWith("SLF4J")).toList();
    } catch (IOException e) {
      throw new IllegalStateException("could not read the second process's output", e);
    }
  }

  private static long[] numbers(String line) {
    String[] parts = line.split(" ");
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Long.parseLong(parts[i]);
    }
    return values;
  }
}
