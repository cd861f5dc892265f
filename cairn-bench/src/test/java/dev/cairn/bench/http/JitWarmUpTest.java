package dev.cairn.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's bounds; when the JIT turns quiet depends on the JVM, so only that it ends in time is asserted. */
class JitWarmUpTest {

  @Test
  void until_loadTakingItsStep_stepsOfAtMostStepAndEndsByMax() {
    List<Duration> steps = new ArrayList<>();
    Duration max = Duration.ofMillis(2_500);

    JitWarmUp.until(max, step -> {
      steps.add(step);
      sleep(step);
    });

    assertThat(steps).isNotEmpty().hasSizeLessThanOrEqualTo(2)
        .allSatisfy(step -> assertThat(step).isPositive().isLessThanOrEqualTo(JitWarmUp.STEP));
    assertThat(steps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(max);
  }

  @Test
  void until_maxShorterThanAStep_oneStepOfAtMostMax() {
    List<Duration> steps = new ArrayList<>();

    JitWarmUp.until(Duration.ofMillis(300), step -> {
      steps.add(step);
      sleep(step);
    });

    assertThat(steps).singleElement()
        .satisfies(step -> assertThat(step).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300)));
  }

  private static void sleep(Duration time) {
    try {
      Thread.sleep(time);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
