package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectEventChannel;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import dev.cairn.testkit.RedisService;
import dev.cairn.testkit.TestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance with Python: {@code krules_subjects.py} (redis-py only, as a KRules service stores subjects) writes
 * subjects with big integers, an empty and 250-character property names and a 250-character subject name; Cairn
 * reads them, increments and writes back; the script then checks every value byte for byte. Runs on the shared
 * Redis under this class's own key prefix. A second test has a redis-py subscriber receive published events. Needs {@code python3} with redis-py (Debian's {@code python3-redis};
 * {@code .ci/run} installs it): skipped without, failed without under {@code CAIRN_REQUIRE_SERVICES=1}.
 */
class RedisKrulesPythonTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();
  private static final String LONG = "x".repeat(250);
  private static final String LONG_SUBJECT = "z".repeat(250);
  private static final BigInteger TWO_64 = BigInteger.TWO.pow(64);

  @Test
  void pythonWritesCairnUpdatesPythonReads_bigIntegersAndLongAndEmptyNames() throws Exception {
    String python = pythonWithRedis();
    Path script = script("krules_subjects.py");
    String prefix = REDIS.keyPrefix() + "krules:";
    run(python, script, "write", prefix);

    try (KeyValue kv = KeyValue.open(REDIS.url()); Subjects subjects = Subjects.on(SubjectStorages.redis(kv, prefix))) {
      try {
        Subject counters = subjects.get("counters");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("max", Long.MAX_VALUE);
        expected.put("beyond", TWO_64.add(BigInteger.valueOf(5)));
        expected.put("negative", Long.MIN_VALUE);
        expected.put("", "empty name");
        expected.put(LONG, 250L);
        assertThat(counters.toMap()).isEqualTo(expected);
        assertThat(counters.extProps()).isEqualTo(Map.of(LONG, Map.of("seen", List.of(1L, 2.5)), "", true));

        assertThat(counters.increment("max", 1, Write.DIRECT).value()).isEqualTo(TWO_64.shiftRight(1));
        assertThat(counters.decrement("beyond", 10, Write.DIRECT).value())
            .isEqualTo(TWO_64.subtract(BigInteger.valueOf(5)));
        counters.decrement("negative", 1, Write.DIRECT);
        counters.set("", old -> old + ", seen by Cairn", Write.DIRECT);
        counters.increment(LONG, 1, Write.DIRECT);
        counters.setExt(LONG, old -> {
          Map<String, Object> seen = new LinkedHashMap<>(castMap(old));
          seen.put("by", "cairn");
          return seen;
        }, Write.DIRECT);

        Subject longName = subjects.get(LONG_SUBJECT);
        assertThat(longName.get("city")).isEqualTo("Zürich");
        assertThat(longName.increment("count", 1, Write.DIRECT).value()).isEqualTo(42L);

        Subject fromCairn = subjects.get("from-cairn");
        fromCairn.set("huge", BigInteger.TWO.pow(70));
        fromCairn.set("", null);
        fromCairn.set(LONG, "long");
        fromCairn.setExt(LONG, TWO_64);
        fromCairn.store();

        run(python, script, "check", prefix);
      } finally {
        for (String name : List.of("counters", LONG_SUBJECT, "from-cairn")) {
          subjects.storage().flush(name);
        }
      }
    }
  }

  @Test
  void pythonSubscriber_receivesPublishedEventsInOrder() throws Exception {
    String python = pythonWithRedis();
    Path script = script("krules_events.py");
    String channel = REDIS.keyPrefix() + "events";
    Process subscriber = new ProcessBuilder(python, script.toString(), REDIS.url(), channel, "4")
        .redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("ready");
      try (KeyValue kv = KeyValue.open(REDIS.url()); Subjects subjects = Subjects.inMemory()) {
        subjects.addListener(SubjectEventChannel.publisher(kv, channel));
        Subject subject = subjects.get("py");
        subject.set("n", Long.MAX_VALUE, Write.DIRECT);
        subject.increment("n", 1, Write.DIRECT);
        subject.setExt("e", 1, Write.DIRECT);
        subject.delete("n", Write.DIRECT);
        subject.flush();
      }
      List<String> received = lines.lines().toList();
      assertThat(subscriber.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(received).containsExactly(
          "1 subject-property-changed py n 9223372036854775807",
          "2 subject-property-changed py n 9223372036854775808",
          "3 subject-property-deleted py n 9223372036854775808",
          "4 subject-property-deleted py e 1");
    } finally {
      subscriber.destroyForcibly();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** python3 on the PATH if it has redis-py, else Debian's /usr/bin/python3 (a pyenv python may lack it). */
  private static String pythonWithRedis() throws Exception {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process probe = new ProcessBuilder(candidate, "-c", "import redis").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException notInstalled) {
        // try the next one
      }
    }
    String reason = "no python3 with redis-py (apt-get install python3-redis)";
    if ("1".equals(System.getenv("CAIRN_REQUIRE_SERVICES"))) {
      throw new AssertionError(reason + " (failing because CAIRN_REQUIRE_SERVICES=1)");
    }
    Assumptions.abort(reason);
    return null;
  }

  private static Path script(String name) throws IOException {
    Path file = Files.createDirectories(TestSupport.buildDirectory("cairn-python")).resolve(name);
    try (InputStream in = Objects.requireNonNull(RedisKrulesPythonTest.class.getResourceAsStream(name), name)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static void run(String python, Path script, String phase, String prefix) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, script.toString(), phase, REDIS.url(), prefix));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script finished").isTrue();
    assertThat(process.exitValue()).as("krules_subjects.py %s said: %s", phase, output).isZero();
    assertThat(output).contains("ok " + phase);
  }
}
