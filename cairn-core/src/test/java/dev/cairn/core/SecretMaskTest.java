package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void mask_userInfoPassword_replaced() {
    assertThat(SecretMask.mask("connect to postgresql://app:s3cr3t@db:5432/app failed"))
        .isEqualTo("connect to postgresql://app:****@db:5432/app failed");
  }

  @Test
  void mask_secretParameters_replacedCaseInsensitively() {
    assertThat(SecretMask.mask("jdbc:mariadb://db/app?user=app&Password=s3cr3t&sslMode=trust, token=abc"))
        .isEqualTo("jdbc:mariadb://db/app?user=app&Password=****&sslMode=trust, token=****");
  }

  @Test
  void mask_noSecrets_unchanged() {
    String text = "redis://cache:6379/0 and postgresql://app@db/app and sqlite:data/app.db";

    assertThat(SecretMask.mask(text)).isEqualTo(text);
  }

  @Test
  void mask_passwordWithColonAndAt_maskedUpToTheHost() {
    assertThat(SecretMask.mask("redis://default:a:b@c@cache:6379"))
        .isEqualTo("redis://default:****@cache:6379");
  }

  @Test
  void mask_null_null() {
    assertThat(SecretMask.mask(null)).isNull();
  }

  @Test
  void mask_passwordWithRawDelimiters_maskedUpToTheLastAt() {
    assertThat(SecretMask.mask("bad postgresql://app:p@ss/word@db/app here"))
        .isEqualTo("bad postgresql://app:****@db/app here");
    assertThat(SecretMask.mask("jdbc:mariadb://root:Tr0ub4dor#1@db/app"))
        .isEqualTo("jdbc:mariadb://root:****@db/app");
    assertThat(SecretMask.mask("redis://u:pa?ss=1@cache:6379")).isEqualTo("redis://u:****@cache:6379");
  }

  @Test
  void mask_schemeWithoutSlashes_userInfoMasked() {
    assertThat(SecretMask.mask("got postgres:Hunter2x@host/db and rediss:app:Hunter2x@h:6380"))
        .isEqualTo("got postgres:****@host/db and rediss:****@h:6380");
  }
}
