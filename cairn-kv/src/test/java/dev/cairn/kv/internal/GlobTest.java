package dev.cairn.kv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void matches_wildcards_asRedis() {
    assertThat(Glob.matches("*", "anything")).isTrue();
    assertThat(Glob.matches("a*c", "abbbc")).isTrue();
    assertThat(Glob.matches("a*c", "abbbd")).isFalse();
    assertThat(Glob.matches("a**", "a")).isTrue();
    assertThat(Glob.matches("?", "ab")).isFalse();
    assertThat(Glob.matches("a?c", "abc")).isTrue();
  }

  @Test
  void matches_classes_asRedis() {
    assertThat(Glob.matches("[abc]x", "bx")).isTrue();
    assertThat(Glob.matches("[^abc]x", "bx")).isFalse();
    assertThat(Glob.matches("[^abc]x", "dx")).isTrue();
    assertThat(Glob.matches("[a-c]", "b")).isTrue();
    assertThat(Glob.matches("[c-a]", "b")).isTrue();
    assertThat(Glob.matches("[a-c]", "d")).isFalse();
    assertThat(Glob.matches("[\\]]", "]")).isTrue();
    assertThat(Glob.matches("[ab", "b")).isTrue();
    assertThat(Glob.matches("[ab", "bc")).isFalse();
  }

  @Test
  void matches_escapes_matchLiterally() {
    assertThat(Glob.matches("a\\*", "a*")).isTrue();
    assertThat(Glob.matches("a\\*", "ab")).isFalse();
    assertThat(Glob.matches("\\?", "?")).isTrue();
    assertThat(Glob.matches("a\\", "a\\")).isTrue();
  }

  @Test
  void escape_specialCharacters_matchOnlyThemselves() {
    String text = "a*b?c[d]e\\f";

    String escaped = Glob.escape(text);

    assertThat(Glob.matches(escaped, text)).isTrue();
    assertThat(Glob.matches(escaped, "aXb?c[d]e\\f")).isFalse();
    assertThat(Glob.matches(escaped + "*", text + ":more")).isTrue();
  }

  @Test
  void literalPrefix_upToFirstWildcard_escapesResolved() {
    assertThat(Glob.literalPrefix("user:*")).isEqualTo("user:");
    assertThat(Glob.literalPrefix("a?b")).isEqualTo("a");
    assertThat(Glob.literalPrefix("[ab]c")).isEmpty();
    assertThat(Glob.literalPrefix("x\\*y*")).isEqualTo("x*y");
    assertThat(Glob.literalPrefix("plain")).isEqualTo("plain");
    assertThat(Glob.literalPrefix("end\\")).isEqualTo("end\\");
    String text = "a*b?c[d]e\\f";
    assertThat(Glob.literalPrefix(Glob.escape(text) + "*")).isEqualTo(text);
  }
}
