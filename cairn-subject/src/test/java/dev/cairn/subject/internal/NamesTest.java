package dev.cairn.subject.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.cairn.core.InvalidInputException;
import dev.cairn.subject.NameLimits;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void requireProperty_emptyAndLong_accepted() {
    assertThatNoException().isThrownBy(() -> Names.requireProperty("", NameLimits.REDIS));
    assertThatNoException().isThrownBy(() -> Names.requireProperty("x".repeat(250), new NameLimits(250, 250)));
  }

  @Test
  void requireProperty_beyondUtf8ByteLimit_refusedNamingBytes() {
    // Three characters, six UTF-8 bytes: within a 5-character limit, beyond a 5-byte one (as Redis counts).
    NameLimits limits = new NameLimits(5, 5);
    assertThatThrownBy(() -> Names.requireProperty("ééé", limits)).isInstanceOfSatisfying(
        InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_PROPERTY_NAME");
          assertThat(e.getMessage()).contains("5 bytes").contains("6");
        });
    assertThatNoException().isThrownBy(() -> Names.requireProperty("éé", limits));
  }

  @Test
  void requireSubject_emptyOrNull_refused() {
    assertThatThrownBy(() -> Names.requireSubject("", NameLimits.REDIS)).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_SUBJECT_NAME"));
    assertThatThrownBy(() -> Names.requireSubject(null, NameLimits.REDIS)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Names.requireProperty(null, NameLimits.REDIS)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void redisLimit_isRedisMaximumStringSize() {
    assertThat(NameLimits.REDIS.maxUtf8Bytes()).isEqualTo(512L * 1024 * 1024 - 1);
  }
}
