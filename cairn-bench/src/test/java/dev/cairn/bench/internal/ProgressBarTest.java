package dev.cairn.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final ProgressBar bar = new ProgressBar(new PrintStream(screen, true, StandardCharsets.UTF_8));

  @Test
  void update_redrawsInPlaceOnlyWhenThePercentChanges() {
    bar.step("cairn get_by_id round 1/3");
    bar.update(500, 1000);
    bar.update(501, 1000);

    String drawn = screen.toString(StandardCharsets.UTF_8);
    assertThat(drawn.split("\r", -1)).hasSize(3); // 0 % and 50 %, nothing for 50.1 %
    assertThat(drawn).endsWith("cairn get_by_id round 1/3 [###############...............] 50%");
  }

  @Test
  void clear_wipesTheLineAndReturnsTheCursor() {
    bar.step("jdbc bulk_insert warm-up");
    bar.update(1, 1);
    screen.reset();

    bar.clear();

    String wiped = screen.toString(StandardCharsets.UTF_8);
    assertThat(wiped).startsWith("\r").endsWith("\r").containsOnlyOnce("\r ").doesNotContain("#");
  }
}
