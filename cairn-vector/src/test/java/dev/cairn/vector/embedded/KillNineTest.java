package dev.cairn.vector.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import dev.cairn.vector.VectorStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upsert the embedded file store acknowledged survives {@code kill -9} of the process that made it. */
class KillNineTest {
  private static final int ACKS_BEFORE_KILL = 150;

  @TempDir
  Path directory;

  @Test
  void acknowledgedUpserts_surviveKillNine() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AckingWriter.class.getName(), directory.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> acked = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (acked.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
        if (line.startsWith("acked ")) {
          acked.add(line.substring("acked ".length()));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, no final commit
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(acked).hasSize(ACKS_BEFORE_KILL);

    try (VectorStore store = VectorStore.open("vector:" + directory)) {
      VectorCollection collection = store.collection("acked").orElseThrow();
      for (String id : acked) {
        int i = Integer.parseInt(id.substring(1));
        assertThat(collection.get(id).orElseThrow())
            .isEqualTo(new VectorItem(id, new float[] {i, 1, 2, 3}, Map.of("i", (long) i)));
      }
      assertThat(collection.count().orElseThrow()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }
  }
}
