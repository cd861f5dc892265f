package dev.cairn.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserDataTest {

  @Test
  void of_rowsOfAFullRun_haveDistinctEmailsAndInstants() {
    int rows = 100_000;

    assertThat(IntStream.range(0, rows).mapToObj(i -> UserData.of(i).email()).distinct().count()).isEqualTo(rows);
    assertThat(IntStream.range(0, rows).mapToObj(i -> UserData.of(i).createdAt()).distinct().count())
        .isEqualTo(rows);
  }

  @Test
  void of_agesCycleThroughTheRange() {
    assertThat(UserData.of(0).age()).isEqualTo(UserData.MIN_AGE);
    assertThat(UserData.of(UserData.AGE_COUNT - 1).age()).isEqualTo(UserData.MIN_AGE + UserData.AGE_COUNT - 1);
    assertThat(UserData.of(UserData.AGE_COUNT).age()).isEqualTo(UserData.MIN_AGE);
  }
}
