package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTest {

  @Test
  void switch_overOkAndFailure() {
    Result<String> ok = Result.ok("x");
    Result<String> missing = Result.failure(Status.NOT_FOUND, "ROW_NOT_FOUND", "no row 1 in users");
    assertThat(describe(ok)).isEqualTo("ok x");
    assertThat(describe(missing)).isEqualTo("NOT_FOUND ROW_NOT_FOUND");
  }

  private static String describe(Result<String> result) {
    return switch (result) {
      case Result.Ok<String>(String value) -> "ok " + value;
      case Result.Failure<String> f -> f.status() + " " + f.code();
    };
  }

  @Test
  void orElseThrow_failure_throwsMatchingSubtypeWithCause() {
    IllegalStateException cause = new IllegalStateException("boom");
    Result<Integer> result = Result.failure(Status.DUPLICATE, "DUPLICATE_KEY", "dup", Map.of("column", "email"), cause);
    assertThatThrownBy(result::orElseThrow)
        .isInstanceOf(DuplicateException.class)
        .hasCause(cause)
        .satisfies(e -> assertThat(((CairnException) e).details()).containsEntry("column", "email"));
  }

  @Test
  void map_and_flatMap_passFailuresThrough() {
    Result<Integer> failed = Result.failure(Status.INVALID, "BAD", "bad");
    assertThat(failed.map(i -> i + 1)).isSameAs(failed);
    assertThat(Result.ok(2).map(i -> i * 2).orElseThrow()).isEqualTo(4);
    assertThat(Result.ok(2).flatMap(i -> Result.<Integer>failure(Status.CONFLICT, "C", "c")).status())
        .isEqualTo(Status.CONFLICT);
    assertThat(failed.orElse(7)).isEqualTo(7);
    assertThat(failed.toOptional()).isEmpty();
  }

  @Test
  void failure_withStatusOk_isRejected() {
    assertThatThrownBy(() -> Result.failure(Status.OK, "X", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
