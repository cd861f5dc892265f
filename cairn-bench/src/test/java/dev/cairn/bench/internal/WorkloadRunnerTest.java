package dev.cairn.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadRunnerTest {

  @TempDir
  Path folder;

  @Test
  void run_alternatesWhichSideGoesFirst_roundByRound() {
    List<String> steps = new ArrayList<>();
    try (Database database = Database.open("sqlite:" + folder.resolve("bench.db"));
        CairnUserStore cairn = new CairnUserStore(database);
        JdbcUserStore jdbc = new JdbcUserStore(database, JdbcConnector.open(database.config()))) {
      WorkloadRunner runner = new WorkloadRunner(cairn, jdbc, jdbc::settle, label -> {
        steps.add(label);
        return (done, total) -> { };
      });

      Measurements measurements = runner.run(new Workload(200, 100, 4, 10), 3);

      assertThat(measurements.best("bulk_insert", "cairn")).isPositive();
      assertThat(measurements.best("bulk_insert", "jdbc")).isPositive();
    }

    for (String phase : List.of("bulk_insert", "page_deep_keyset", "update_count_own_tx")) {
      assertThat(steps.indexOf("cairn " + phase + " round 1/3"))
          .isNotNegative().isLessThan(steps.indexOf("jdbc " + phase + " round 1/3"));
      assertThat(steps.indexOf("jdbc " + phase + " round 2/3"))
          .isNotNegative().isLessThan(steps.indexOf("cairn " + phase + " round 2/3"));
      assertThat(steps.indexOf("cairn " + phase + " round 3/3"))
          .isNotNegative().isLessThan(steps.indexOf("jdbc " + phase + " round 3/3"));
    }
  }

  @Test
  void run_warmsUpInAtLeastTwoRounds_ofBothOrders_beforeTheFirstTimedRound() {
    List<String> steps = new ArrayList<>();
    try (Database database = Database.open("sqlite:" + folder.resolve("bench.db"));
        CairnUserStore cairn = new CairnUserStore(database);
        JdbcUserStore jdbc = new JdbcUserStore(database, JdbcConnector.open(database.config()))) {
      WorkloadRunner runner = new WorkloadRunner(cairn, jdbc, jdbc::settle, label -> {
        steps.add(label);
        return (done, total) -> { };
      });

      runner.run(new Workload(200, 100, 4, 10), 1, java.util.Set.of("page_first"));
    }

    List<String> warmUps = steps.stream().filter(step -> step.contains("warm-up")).toList();
    assertThat(warmUps).startsWith("cairn bulk_insert warm-up 1", "jdbc bulk_insert warm-up 1",
        "cairn page_first warm-up 1", "jdbc page_first warm-up 1", "jdbc bulk_insert warm-up 2",
        "cairn bulk_insert warm-up 2", "jdbc page_first warm-up 2", "cairn page_first warm-up 2");
    assertThat(warmUps.size()).isBetween(8, 4 * WorkloadRunner.MAX_WARM_UP_ROUNDS);
    assertThat(steps.indexOf("cairn bulk_insert round 1/1")).isEqualTo(warmUps.size());
  }
}
