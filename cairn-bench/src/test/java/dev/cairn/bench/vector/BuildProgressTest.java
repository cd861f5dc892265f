package dev.cairn.bench.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.bench.BenchProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A side's build reports a milestone at each tenth of the vectors and updates about once per percent between. */
class BuildProgressTest {
  private final List<String> told = new ArrayList<>();
  private final BenchProgress recorder = new BenchProgress() {
    @Override
    public void step(String label) {
      told.add("step " + label);
    }

    @Override
    public void update(long done, long total) {
      told.add("update " + done + "/" + total);
    }

    @Override
    public void milestone(long done, long total) {
      told.add("milestone " + done + "/" + total);
    }
  };

  @Test
  void loaded_oneVectorAtATime_milestoneEachTenthUpdateEachPercent() {
    BuildProgress progress = new BuildProgress(recorder, 1_000);

    for (int done = 1; done <= 1_000; done++) {
      progress.loaded(done);
    }

    assertThat(told.stream().filter(line -> line.startsWith("milestone")).toList()).containsExactly(
        "milestone 100/1000", "milestone 200/1000", "milestone 300/1000", "milestone 400/1000", "milestone 500/1000",
        "milestone 600/1000", "milestone 700/1000", "milestone 800/1000", "milestone 900/1000",
        "milestone 1000/1000");
    assertThat(told).hasSize(100).contains("update 10/1000", "update 990/1000").doesNotContain("update 11/1000");
  }

  @Test
  void loaded_inBatchesLargerThanATenth_aMilestonePerBatchAndTheLastAtTheTotal() {
    BuildProgress progress = new BuildProgress(recorder, 25_000);

    progress.loaded(10_000);
    progress.loaded(20_000);
    progress.loaded(25_000);

    assertThat(told).containsExactly("milestone 10000/25000", "milestone 20000/25000", "milestone 25000/25000");
  }
}
