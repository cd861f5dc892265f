package dev.cairn.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ids, metadata keys and string values must be storable as text on every backend (PostgreSQL included). */
class ChecksTest {

  @Test
  void cleanText_plainAndPairedSurrogates_clean() {
    assertThat(Checks.cleanText("")).isTrue();
    assertThat(Checks.cleanText("doc-42 é 漢字")).isTrue();
    assertThat(Checks.cleanText("emoji \ud83d\ude00 at the end \ud83d\ude00")).isTrue();
    assertThat(Checks.cleanText("private use \ue000")).isTrue();
  }

  @Test
  void cleanText_nul_notClean() {
    assertThat(Checks.cleanText("\0")).isFalse();
    assertThat(Checks.cleanText("id\0suffix")).isFalse();
  }

  @Test
  void cleanText_loneSurrogate_notClean() {
    assertThat(Checks.cleanText("\ud800")).isFalse();
    assertThat(Checks.cleanText("ends high \ud83d")).isFalse();
    assertThat(Checks.cleanText("\ude00 starts low")).isFalse();
    assertThat(Checks.cleanText("two highs \ud83d\ud83d\ude00")).isFalse();
  }
}
