package dev.cairn.sql.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultsTest {
  @Test
  void same_postgresCastsAndQuotedNegatives_matchPlainLiterals() {
    assertThat(Defaults.same("'n/a'", "'n/a'::text")).isTrue();
    assertThat(Defaults.same("'n/a'", "'n/a'::character varying")).isTrue();
    assertThat(Defaults.same("-1", "'-1'::integer")).isTrue();
    assertThat(Defaults.same("-1", "(-1)")).isTrue();
    assertThat(Defaults.same("1.5", "1.5000000000")).isTrue();
  }

  @Test
  void same_booleansAsMariaDbStoresThem_match() {
    assertThat(Defaults.same("true", "1")).isTrue();
    assertThat(Defaults.same("false", "0")).isTrue();
    assertThat(Defaults.same("false", "1")).isFalse();
  }

  @Test
  void same_noDefault_matchesMariaDbNullText() {
    assertThat(Defaults.same(null, "NULL")).isTrue();
    assertThat(Defaults.same(null, null)).isTrue();
    assertThat(Defaults.same(null, "0")).isFalse();
  }

  @Test
  void same_differentStrings_differ() {
    assertThat(Defaults.same("'a'", "'b'::text")).isFalse();
    assertThat(Defaults.same("'1'", "'01'")).isTrue();
    assertThat(Defaults.same("'x'", "x")).isFalse();
  }
}
