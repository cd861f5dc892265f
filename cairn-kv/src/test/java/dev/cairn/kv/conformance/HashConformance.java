package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hashes and type errors between strings and hashes, part of {@link KeyValueConformance}. */
public interface HashConformance extends KeyValueFixture {

  @Test
  default void hash_setGetDelete_behavesAsRedis() {
    assertThat(kv().hashSet("user", "name", "Ada")).isTrue();
    assertThat(kv().hashSet("user", "name", "Ada L.")).isFalse();
    kv().hashSet("user", Map.of("email", "ada@example.com", "age", "36"));

    assertThat(kv().hashGet("user", "name")).contains("Ada L.");
    assertThat(kv().hashGet("user", "missing")).isEmpty();
    assertThat(kv().hashGetAll("user"))
        .containsOnly(Map.entry("name", "Ada L."), Map.entry("email", "ada@example.com"), Map.entry("age", "36"));
    assertThat(kv().hashIncrBy("user", "age", 1)).isEqualTo(37);
    assertThat(kv().hashIncrBy("user", "visits", 5)).isEqualTo(5);
    assertThat(kv().hashDelete("user", "name", "missing")).isEqualTo(1);
    assertThat(kv().hashGetAll("missing")).isEmpty();
  }

  @Test
  default void hashDelete_lastField_removesKey() {
    kv().hashSet("h", "only", "v");

    assertThat(kv().hashDelete("h", "only")).isEqualTo(1);

    assertThat(kv().exists("h")).isFalse();
    assertThat(kv().hashGetAll("h")).isEmpty();
  }

  @Test
  default void hashIncrBy_textField_notAnInteger() {
    kv().hashSet("h", "f", "text");

    assertThatThrownBy(() -> kv().hashIncrBy("h", "f", 1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("NOT_AN_INTEGER"));
    assertThat(kv().hashGet("h", "f")).contains("text");
  }

  @Test
  default void get_keyHoldingHash_wrongType() {
    kv().hashSet("h", "f", "v");

    assertThatThrownBy(() -> kv().get("h"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("WRONG_TYPE"));
    assertThatThrownBy(() -> kv().incr("h")).isInstanceOf(InvalidInputException.class);
    kv().set("s", "v");
    assertThatThrownBy(() -> kv().hashGet("s", "f"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("WRONG_TYPE"));
  }

  @Test
  default void set_keyHoldingHash_replacesIt() {
    kv().hashSet("h", "f", "v");

    kv().set("h", "text");

    assertThat(kv().get("h")).contains("text");
  }
}
