package dev.cairn.kv.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptTest {

  @Test
  void sha1_knownSource_matchesRedisScriptLoad() {
    // redis-cli SCRIPT LOAD "return 1" answers e0e1f9fabfc9d4800c877a703b823ac0578ff8db
    Script script = new Script("one", "return 1", (store, keys, args) -> List.of(1L));

    assertThat(script.sha1()).isEqualTo("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
  }

  @Test
  void resultAccessors_mixedValues_readEachType() {
    ScriptResult result = new ScriptResult("mixed",
        Arrays.asList(7L, "12".getBytes(StandardCharsets.UTF_8), null, List.of(1L)));

    assertThat(result.longAt(0)).isEqualTo(7);
    assertThat(result.longAt(1)).isEqualTo(12);
    assertThat(result.textAt(1)).isEqualTo("12");
    assertThat(result.isNull(2)).isTrue();
    assertThat(result.textAt(2)).isNull();
    assertThat(result.listAt(3)).containsExactly(1L);
  }

  @Test
  void longAt_textNotANumber_scriptResultError() {
    ScriptResult result = new ScriptResult("text", List.of("abc".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> result.longAt(0))
        .isInstanceOfSatisfying(CairnException.class, e -> {
          assertThat(e.code()).isEqualTo("KV_SCRIPT_RESULT");
          assertThat(e.getMessage()).contains("text");
        });
  }
}
